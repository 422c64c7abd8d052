package org.tongke.scheduler.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.tongke.config.requirement.LessonKind;

/**
 * A weekly lesson on one date of the term. {@code timetableDay} is the weekday whose timetable
 * the schools follow that date: the date's own weekday, or for a make-up day (调休) the weekday
 * it stands for. Its id is {@code <weekly id>@<date>}, the date being the one of the weekly
 * pattern even when re-planning moved it ({@link Moved}).
 */
public record Occurrence(
        String id,
        String weekly,
        String requirement,
        String community,
        LessonKind kind,
        String subject,
        LocalDate date,
        DayOfWeek timetableDay,
        LocalTime start,
        LocalTime end,
        Participant host,
        List<Participant> receivers,
        Moved moved) {

    /**
     * Set when re-planning moved this date's lesson away from its weekly time: where it was and
     * why. A moved occurrence keeps its weekly lesson's id but has its own date, time and periods.
     */
    public record Moved(LocalDate fromDate, LocalTime fromStart, String reason) {
        public Moved {
            Objects.requireNonNull(fromDate, "fromDate");
            Objects.requireNonNull(fromStart, "fromStart");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public Occurrence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(weekly, "weekly");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(timetableDay, "timetableDay");
        Objects.requireNonNull(host, "host");
        receivers = List.copyOf(receivers);
    }

    public static String id(String weekly, LocalDate date) {
        return weekly + "@" + date;
    }

    public List<Participant> participants() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(host), receivers.stream()).toList();
    }
}
