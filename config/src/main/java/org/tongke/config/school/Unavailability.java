package org.tongke.config.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * When a teacher cannot teach: every week on a weekday, or on one date; the listed periods
 * only, or the whole day when none are listed. Exactly one of weekday and date is set.
 */
public record Unavailability(DayOfWeek weekday, LocalDate date, List<Integer> periods, String reason) {
    public Unavailability {
        if ((weekday == null) == (date == null)) {
            throw new IllegalArgumentException("exactly one of weekday and date must be set");
        }
        periods = List.copyOf(Objects.requireNonNull(periods, "periods"));
        reason = reason == null ? "" : reason;
    }

    public boolean wholeDay() {
        return periods.isEmpty();
    }
}
