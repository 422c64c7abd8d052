/**
 * The {@code config validate|export|generate} subcommands: thin wrappers that call the config
 * module, print its problems or results and choose the exit code, so the module itself stays free
 * of any command-line concern.
 */
package org.tongke.platform.config;
