/**
 * The command tree (picocli): one class per component command, the exit codes every subcommand
 * shares (0 done, 1 failed or not built yet, 2 bad input), and the "not built yet" answer of the
 * components that do not exist yet, whose options are fixed already.
 */
package org.tongke.platform.cli;
