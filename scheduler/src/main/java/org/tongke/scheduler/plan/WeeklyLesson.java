package org.tongke.scheduler.plan;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.tongke.config.requirement.LessonKind;

/**
 * One lesson of the weekly pattern: a requirement's {@code index}-th lesson of the week, at one
 * wall-clock time on one weekday, in every participating room at once. Its id is
 * {@code <requirement>#<index>}, stable across re-plans.
 */
public record WeeklyLesson(
        String id,
        String requirement,
        String community,
        LessonKind kind,
        String subject,
        DayOfWeek day,
        LocalTime start,
        LocalTime end,
        Participant host,
        List<Participant> receivers) {

    public WeeklyLesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(host, "host");
        receivers = List.copyOf(receivers);
    }

    public static String id(String requirement, int index) {
        return requirement + "#" + index;
    }

    /** Host first, then the receiving rooms. */
    public List<Participant> participants() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(host), receivers.stream()).toList();
    }
}
