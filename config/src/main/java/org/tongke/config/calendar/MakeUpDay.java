package org.tongke.config.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A weekend day worked to make up for a holiday (调休); it follows the timetable of the
 * weekday named by {@code as}.
 */
public record MakeUpDay(LocalDate date, DayOfWeek as, String note) {
    public MakeUpDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(as, "as");
        note = note == null ? "" : note;
    }
}
