package org.tongke.platform;

import org.tongke.platform.cli.CommandLineFactory;

/** The one jar's entry point: {@code java -jar classroom-platform.jar <component> <action>}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CommandLineFactory.create().execute(args));
    }
}
