package org.tongke.platform;

import org.slf4j.LoggerFactory;
import org.tongke.platform.cli.CommandLineFactory;

/** The one jar's entry point: {@code java -jar classroom-platform.jar <component> <action>}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Start logging before any worker thread logs, so nothing is queued and replayed.
        LoggerFactory.getLogger(Main.class).debug("classroom-platform starting");
        try {
            System.exit(CommandLineFactory.create().execute(args));
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Too big for this JVM: say so in one line (-Xmx raises the limit), no stack trace.
            System.err.println("classroom-platform: out of memory (" + e.getClass().getSimpleName()
                    + "); give Java more with -Xmx or ask for less");
            System.exit(1);
        }
    }
}
