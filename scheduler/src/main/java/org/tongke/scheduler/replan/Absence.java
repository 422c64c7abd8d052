package org.tongke.scheduler.replan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A teacher away, or a recording classroom out of service, on the dates from {@code from} to
 * {@code to} (both included). {@code id} is the teacher's or classroom's id within its school.
 */
public record Absence(Kind kind, String school, String id, LocalDate from, LocalDate to, String reason) {
    public Absence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        reason = reason == null ? "" : reason;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("absence ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public enum Kind {
        TEACHER,
        CLASSROOM
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
