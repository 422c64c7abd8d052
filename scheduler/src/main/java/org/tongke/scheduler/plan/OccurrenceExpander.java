package org.tongke.scheduler.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongke.config.calendar.DateSpan;
import org.tongke.config.county.County;
import org.tongke.config.school.School;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.Unavailability;

/**
 * Lays the weekly pattern over the school year: a weekly lesson happens on every date on which
 * every participating school follows its weekday's timetable (make-up days included), and each
 * of its teachers is there. Where its weekday comes round at some school but the lesson cannot
 * happen, the plan says why (a holiday, an exam, a teacher away).
 */
public final class OccurrenceExpander {
    private final County county;
    private final Map<String, Optional<DayOfWeek>> weekdays = new HashMap<>();

    /** The occurrences and the cancelled dates. */
    public record Expanded(List<Occurrence> occurrences, List<Cancellation> cancellations) {
    }

    public OccurrenceExpander(County county) {
        this.county = county;
    }

    public Expanded expand(List<WeeklyLesson> weekly) {
        List<Occurrence> occurrences = new ArrayList<>();
        List<Cancellation> cancellations = new ArrayList<>();
        for (DateSpan term : county.calendar().terms()) {
            for (LocalDate date = term.start(); !date.isAfter(term.end()); date = date.plusDays(1)) {
                for (WeeklyLesson lesson : weekly) {
                    dated(lesson, date, occurrences, cancellations);
                }
            }
        }
        return new Expanded(occurrences, cancellations);
    }

    private void dated(WeeklyLesson lesson, LocalDate date, List<Occurrence> into, List<Cancellation> cancelled) {
        boolean anyFollows = date.getDayOfWeek() == lesson.day();
        List<String> notThere = new ArrayList<>();
        for (Participant p : lesson.participants()) {
            Optional<DayOfWeek> day = weekday(p.school(), date);
            if (day.isPresent() && day.get() == lesson.day()) {
                anyFollows = true;
            } else {
                notThere.add(why(p.school(), date, day));
            }
        }
        if (!anyFollows) {
            return;
        }
        if (notThere.isEmpty()) {
            notThere.addAll(teachersAway(lesson, date));
        }
        if (notThere.isEmpty()) {
            into.add(new Occurrence(Occurrence.id(lesson.id(), date), lesson.id(), lesson.requirement(),
                    lesson.community(), lesson.kind(), lesson.subject(), date, lesson.day(), lesson.start(),
                    lesson.end(), lesson.host(), lesson.receivers(), null));
        } else {
            cancelled.add(new Cancellation(lesson.id(), date, String.join("; ", notThere.stream().distinct().toList())));
        }
    }

    private Optional<DayOfWeek> weekday(String school, LocalDate date) {
        return weekdays.computeIfAbsent(school + "@" + date,
                key -> county.school(school).orElseThrow().calendar().teachingWeekday(date));
    }

    private String why(String schoolId, LocalDate date, Optional<DayOfWeek> day) {
        School school = county.school(schoolId).orElseThrow();
        if (day.isPresent()) {
            return school.name() + " follows " + day.get().name().toLowerCase() + "'s timetable that day";
        }
        return school.calendar().holidays().stream().filter(h -> h.contains(date)).map(DateSpan::name)
                .findFirst().map(name -> name + " at " + school.name())
                .orElse(school.name() + " does not teach that day");
    }

    private List<String> teachersAway(WeeklyLesson lesson, LocalDate date) {
        List<String> away = new ArrayList<>();
        for (Participant p : lesson.participants()) {
            if (p.teacher() == null) {
                continue;
            }
            School school = county.school(p.school()).orElseThrow();
            Optional<Teacher> teacher = school.teacher(p.teacher());
            teacher.flatMap(t -> t.unavailable().stream().filter(u -> awayAt(u, date, p.period())).findFirst())
                    .ifPresent(u -> away.add(teacher.get().name() + " (" + school.name() + ") is away"
                            + (u.reason().isEmpty() ? "" : ": " + u.reason())));
        }
        return away;
    }

    public static boolean awayAt(Unavailability u, LocalDate date, int period) {
        return date.equals(u.date()) && (u.wholeDay() || u.periods().contains(period));
    }
}
