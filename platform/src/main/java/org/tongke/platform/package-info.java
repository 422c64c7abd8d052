/**
 * The one runnable jar, {@code classroom-platform.jar}: {@link org.tongke.platform.Main} hands the
 * arguments to the command line and exits with its code. Every component is a subcommand of this
 * jar, so one file is built, shipped and started the same way for all of them.
 */
package org.tongke.platform;
