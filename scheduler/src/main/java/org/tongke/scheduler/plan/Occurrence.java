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
 * it stands for. Its id is {@code <weekly id>@<date>}.
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
        List<Participant> receivers) {

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
