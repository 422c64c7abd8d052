package org.tongke.agent.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One lesson the classroom records: the occurrence id, what it is, and when. */
public record ScheduledLesson(String lesson, String title, String school, String role, OffsetDateTime start,
                              OffsetDateTime end) {
    public ScheduledLesson {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("lesson " + lesson + " ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public Instant startInstant() {
        return start.toInstant();
    }

    public Instant endInstant() {
        return end.toInstant();
    }
}
