package org.tongke.config.yaml;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the known key a misspelt one was meant to be. */
final class KeyHint {
    private KeyHint() {
    }

    static Optional<String> nearest(String typed, Collection<String> known) {
        int limit = Math.max(2, typed.length() / 3);
        return known.stream()
                .filter(k -> distance(typed.toLowerCase(), k.toLowerCase()) <= limit)
                .min(Comparator.comparingInt(k -> distance(typed.toLowerCase(), k.toLowerCase())));
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
