package org.tongke.platform.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration flag as typed: short ({@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT30S}). */
public final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,7})([smhd])");

    private DurationText() {
    }

    /** The duration, 0 to {@code max}; else {@link IllegalArgumentException} naming the flag and what is wrong. */
    public static Duration parse(String text, String flag, Duration max) {
        String trimmed = text.strip();
        Duration d;
        Matcher m = SHORT.matcher(trimmed);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(flag + " '" + text + "' is not a duration: write 30s, 10m, 2h, 1d or PT30S");
            }
        }
        if (d.isNegative() || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(flag + " '" + text + "' must be 0 to " + max.toString().substring(2).toLowerCase(Locale.ROOT));
        }
        return d;
    }
}
