package org.tongke.config.school;

import java.time.DayOfWeek;
import java.util.Objects;

/** One cell of a school's existing weekly timetable; subject and teacher only for lessons. */
public record TimetableEntry(String classId, DayOfWeek day, int period, SlotKind kind, String subject, String teacher) {
    public TimetableEntry {
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        if (period < 1) {
            throw new IllegalArgumentException("period must be 1 or more: " + period);
        }
        if (kind == SlotKind.LESSON && (subject == null || teacher == null)) {
            throw new IllegalArgumentException("a lesson needs a subject and a teacher");
        }
        if (kind != SlotKind.LESSON && (subject != null || teacher != null)) {
            throw new IllegalArgumentException(kind + " has no subject or teacher");
        }
    }

    public static TimetableEntry lesson(String classId, DayOfWeek day, int period, String subject, String teacher) {
        return new TimetableEntry(classId, day, period, SlotKind.LESSON, subject, teacher);
    }

    public static TimetableEntry open(String classId, DayOfWeek day, int period, SlotKind kind) {
        return new TimetableEntry(classId, day, period, kind, null, null);
    }
}
