package org.tongke.agent.config;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.time.DayOfWeek;

/**
 * The upload rate allowed from {@code from} to {@code to} (local time of day; {@code to} before
 * {@code from} runs over midnight) on the given weekdays, in bits per second.
 */
public record UploadCap(LocalTime from, LocalTime to, Set<DayOfWeek> days, long bitsPerSecond) {
    public UploadCap {
        days = Set.copyOf(days);
    }

    boolean covers(DayOfWeek day, LocalTime time) {
        if (from.isBefore(to)) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
        }
        // Over midnight: the evening part belongs to the day it starts, the morning part to the day before.
        if (!time.isBefore(from)) {
            return days.contains(day);
        }
        return time.isBefore(to) && days.contains(day.minus(1));
    }

    /** The rate in force at a moment: the lowest cap covering it, or {@code unlimited} (Long.MAX_VALUE). */
    public static long rateAt(List<UploadCap> caps, DayOfWeek day, LocalTime time) {
        return caps.stream().filter(c -> c.covers(day, time)).mapToLong(UploadCap::bitsPerSecond).min()
                .orElse(Long.MAX_VALUE);
    }
}
