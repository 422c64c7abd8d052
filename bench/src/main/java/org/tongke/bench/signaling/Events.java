package org.tongke.bench.signaling;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generator's side of its talk with the bench: one line per event on stdout,
 * {@code @ NAME key=value ...}; everything else a process prints is not an event.
 */
final class Events {
    static final String PREFIX = "@ ";

    private final PrintStream out;

    Events(PrintStream out) {
        this.out = out;
    }

    synchronized void emit(String name, Object... keyValues) {
        StringBuilder line = new StringBuilder(PREFIX).append(name);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            line.append(' ').append(keyValues[i]).append('=').append(keyValues[i + 1]);
        }
        out.println(line);
        out.flush();
    }

    /** An event line's name, or null when the line is no event. */
    static String name(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        int end = line.indexOf(' ', PREFIX.length());
        return end < 0 ? line.substring(PREFIX.length()) : line.substring(PREFIX.length(), end);
    }

    /** An event line's {@code key=value} pairs, in order. */
    static Map<String, String> values(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : line.substring(PREFIX.length()).split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                values.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return values;
    }
}
