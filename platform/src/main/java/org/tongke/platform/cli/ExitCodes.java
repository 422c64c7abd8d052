package org.tongke.platform.cli;

/** Exit codes shared by every subcommand. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command failed. */
    public static final int FAILED = 1;
    /** The input (configuration, command line) is wrong; the message says where. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
