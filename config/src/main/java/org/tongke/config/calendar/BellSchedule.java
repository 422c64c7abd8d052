package org.tongke.config.calendar;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A school's own period times for each weekday it teaches. Schools differ: one starts period 1
 * at 08:00 for 40 minutes, another at 08:10 for 45, and Friday afternoons are often shorter.
 */
public record BellSchedule(Map<DayOfWeek, List<Period>> days) {
    public BellSchedule {
        Objects.requireNonNull(days, "days");
        EnumMap<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, periods) -> copy.put(day, List.copyOf(periods)));
        days = Collections.unmodifiableMap(copy);
    }

    public List<Period> periods(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public Optional<Period> period(DayOfWeek day, int number) {
        return periods(day).stream().filter(p -> p.number() == number).findFirst();
    }

    public int periodsPerWeek() {
        return days.values().stream().mapToInt(List::size).sum();
    }
}
