package org.tongke.bench.signaling;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of a bench main; a missing name falls back to the given default. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("argument " + args[i] + " is not --name value");
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String text(String name, String fallback) {
        String v = values.getOrDefault(name, fallback);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(text(name, String.valueOf(fallback)));
    }

    double decimal(String name, double fallback) {
        return Double.parseDouble(text(name, String.valueOf(fallback)));
    }
}
