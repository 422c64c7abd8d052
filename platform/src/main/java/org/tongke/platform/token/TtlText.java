package org.tongke.platform.token;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongke.config.auth.TokenIssuer;

/** A token lifetime as typed: ISO-8601 ({@code PT12H}, {@code P7D}) or short ({@code 90m}, {@code 12h}, {@code 7d}). */
final class TtlText {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,7})([smhd])");

    private TtlText() {
    }

    /** The lifetime, or {@link IllegalArgumentException} saying what is wrong. */
    static Duration parse(String text) {
        String trimmed = text.strip();
        Matcher shortForm = SHORT.matcher(trimmed);
        if (shortForm.matches()) {
            return TokenIssuer.checkTtl(unit(shortForm.group(2)).multipliedBy(Long.parseLong(shortForm.group(1))));
        }
        try {
            return TokenIssuer.checkTtl(Duration.parse(trimmed.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a lifetime: write PT12H, 90m, 12h or 7d");
        }
    }

    private static Duration unit(String letter) {
        return switch (letter) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
    }
}
