package org.tongke.platform.cli;

/** Small pieces of English the commands print. */
public final class Words {
    private Words() {
    }

    /** {@code 1 error}, {@code 2 errors}. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
