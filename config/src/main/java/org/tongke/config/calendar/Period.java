package org.tongke.config.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/** One teaching period of a bell schedule, numbered from 1 within its day. */
public record Period(int number, LocalTime start, LocalTime end) {
    public Period {
        if (number < 1) {
            throw new IllegalArgumentException("period number must be 1 or more: " + number);
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public int minutes() {
        return (int) Duration.between(start, end).toMinutes();
    }

    /** True when [start, end) of both periods share at least one minute. */
    public boolean overlaps(LocalTime otherStart, LocalTime otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }

    /** True when the interval lies wholly inside this period. */
    public boolean contains(LocalTime from, LocalTime to) {
        return !from.isBefore(start) && !to.isAfter(end);
    }

    @Override
    public String toString() {
        return number + " (" + start + "-" + end + ")";
    }
}
