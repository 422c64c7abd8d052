package org.tongke.agent.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the sizes ({@code 2GB}, {@code 256KB}) and durations ({@code 90s}, {@code 2m}) of agent.yaml. */
final class Quantities {
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,12})\\s*([a-zA-Z]*)");

    private Quantities() {
    }

    /** Bytes, with B, KB, MB, GB or TB (powers of 1024; KiB, MiB, GiB, TiB read the same); null when unreadable. */
    static Long bytes(String text) {
        Matcher m = AMOUNT.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "", "B" -> 1L;
            case "KB", "KIB", "K" -> 1L << 10;
            case "MB", "MIB", "M" -> 1L << 20;
            case "GB", "GIB", "G" -> 1L << 30;
            case "TB", "TIB", "T" -> 1L << 40;
            default -> -1L;
        };
        if (unit < 0 || n > Long.MAX_VALUE / unit) {
            return null;
        }
        return n * unit;
    }

    /** A duration with ms, s, m, h or d; null when unreadable. */
    static Duration duration(String text) {
        Matcher m = AMOUNT.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> null;
        };
    }
}
