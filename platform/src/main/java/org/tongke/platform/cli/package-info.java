/**
 * The command tree (picocli): one class per component command, the exit codes every subcommand
 * shares (0 done, 1 failed, 2 bad input), and what several commands read alike (durations).
 */
package org.tongke.platform.cli;
