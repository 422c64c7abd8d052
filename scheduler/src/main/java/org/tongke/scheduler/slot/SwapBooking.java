package org.tongke.scheduler.slot;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Who a swap occupies and when: the class and the teacher of the moved lesson, at the period it
 * moves to. {@code key} is written like a unit's resources ({@code class:school/g4c1},
 * {@code teacher:school/li-hua}).
 */
public record SwapBooking(String key, DayOfWeek day, LocalTime start, LocalTime end) {
    public SwapBooking {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean overlaps(DayOfWeek otherDay, LocalTime otherStart, LocalTime otherEnd) {
        return day == otherDay && start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
