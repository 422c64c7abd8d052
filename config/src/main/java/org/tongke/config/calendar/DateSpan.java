package org.tongke.config.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** A named run of days, both ends included: a term, a holiday, an exam week. */
public record DateSpan(String name, LocalDate start, LocalDate end) {
    public DateSpan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(name + " ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
