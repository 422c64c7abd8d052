package org.tongke.config.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One wall-clock time in the school week at which a lesson fits every participating school:
 * it lies inside a teaching period of each, and {@code periods} says which (host first).
 */
public record WeeklySlot(DayOfWeek day, LocalTime start, LocalTime end, List<SchoolPeriod> periods) {
    public WeeklySlot {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        periods = List.copyOf(periods);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("slot ends before it starts");
        }
    }

    public boolean overlaps(WeeklySlot other) {
        return day == other.day && start.isBefore(other.end) && other.start.isBefore(end);
    }

    public Optional<SchoolPeriod> periodAt(String school) {
        return periods.stream().filter(p -> p.school().equals(school)).findFirst();
    }

    /** A short stable name for the slot, used in plans and logs: {@code monday 14:10-14:50}. */
    public String label() {
        return day.name().toLowerCase() + " " + start + "-" + end;
    }
}
