package org.tongke.scheduler.check;

import java.time.DayOfWeek;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tongke.config.calendar.Period;
import org.tongke.config.school.School;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.Unavailability;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * The rules of one dated occurrence: it keeps its weekly lesson's pattern, falls on a teaching
 * day of every school that follows its timetable day, and no teacher is away that date. An
 * occurrence that differs from its weekly lesson in rooms, day or time is also judged on its
 * own by {@link LessonChecks} on its timetable day, and its swaps against the weekly pattern by
 * {@link SwapConflicts}; one that does not was judged with its weekly lesson, once.
 */
final class OccurrenceChecks {
    private final CountyIndex county;
    private final Findings found;
    private final LessonChecks lessons;
    private final SwapConflicts swaps;

    OccurrenceChecks(CountyIndex county, Findings found, LessonChecks lessons, SwapConflicts swaps) {
        this.county = county;
        this.found = found;
        this.lessons = lessons;
        this.swaps = swaps;
    }

    void check(Occurrence o, Optional<WeeklyLesson> weekly) {
        if (weekly.isEmpty()) {
            found.add(Rule.WEEKLY_PATTERN, o.id(), "belongs to weekly lesson '%s', which is not in the plan",
                    o.weekly());
        } else {
            checkPattern(o, weekly.get());
        }
        if (weekly.isEmpty() || !samePlacement(o, weekly.get())) {
            lessons.check(Placed.of(o));
            swaps.check(o);
        }
        checkTeachingDay(o);
        checkDatedUnavailability(o);
    }

    private void checkPattern(Occurrence o, WeeklyLesson w) {
        differs(o, w, "requirement", w.requirement(), o.requirement());
        differs(o, w, "community", w.community(), o.community());
        differs(o, w, "kind", w.kind() == null ? null : w.kind().key(), o.kind() == null ? null : o.kind().key());
        differs(o, w, "subject", w.subject(), o.subject());
        if (o.moved() != null) {
            // Re-planning moved this date on purpose: its own time is judged, not its likeness to the week.
            return;
        }
        if (!Objects.equals(o.start(), w.start()) || !Objects.equals(o.end(), w.end())) {
            found.add(Rule.WEEKLY_PATTERN, o.id(), "runs %s-%s, but weekly lesson %s runs %s-%s", o.start(), o.end(),
                    w.id(), w.start(), w.end());
        }
        if (o.timetableDay() != w.day()) {
            found.add(Rule.WEEKLY_PATTERN, o.id(), "follows %s's timetable, but weekly lesson %s is on %s",
                    Words.day(o.timetableDay()), w.id(), Words.day(w.day()));
        }
    }

    private void differs(Occurrence o, WeeklyLesson w, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            found.add(Rule.WEEKLY_PATTERN, o.id(), "has %s %s, but weekly lesson %s has %s", what, actual, w.id(),
                    expected);
        }
    }

    private static boolean samePlacement(Occurrence o, WeeklyLesson w) {
        return o.timetableDay() == w.day() && Objects.equals(o.start(), w.start()) && Objects.equals(o.end(), w.end())
                && Objects.equals(o.requirement(), w.requirement()) && Objects.equals(o.subject(), w.subject())
                && Objects.equals(o.community(), w.community()) && o.kind() == w.kind()
                && o.participants().equals(w.participants());
    }

    /** Make-up days (调休) count as the weekday they stand for; each school has its own closures. */
    private void checkTeachingDay(Occurrence o) {
        Set<String> schools = new LinkedHashSet<>();
        o.participants().forEach(p -> schools.add(p.school()));
        for (String id : schools) {
            Optional<School> school = county.school(id);
            if (school.isEmpty()) {
                continue;
            }
            Optional<DayOfWeek> follows = county.teachingWeekday(school.get(), o.date());
            if (follows.isEmpty()) {
                found.add(Rule.TEACHING_DAY, o.id(), "%s is not a teaching day at %s", o.date(), school.get().name());
            } else if (follows.get() != o.timetableDay()) {
                found.add(Rule.TEACHING_DAY, o.id(), "%s follows %s's timetable at %s, not %s's", o.date(),
                        Words.day(follows.get()), school.get().name(), Words.day(o.timetableDay()));
            }
        }
    }

    private void checkDatedUnavailability(Occurrence o) {
        for (Participant p : o.participants()) {
            List<Unavailability> away = county.teacher(p.school(), p.teacher()).map(Teacher::unavailable)
                    .orElse(List.of());
            for (Unavailability u : away) {
                if (o.date().equals(u.date()) && (u.wholeDay() || u.periods().contains(periodOf(o, p)))) {
                    found.add(Rule.UNAVAILABLE, o.id(), "%s",
                            LessonChecks.unavailable(county, p, u, o.date().toString(), periodOf(o, p)));
                }
            }
        }
    }

    /** The period the occurrence takes at the participant's school, or 0 when none holds it. */
    private int periodOf(Occurrence o, Participant p) {
        if (o.start() == null || o.end() == null) {
            return 0;
        }
        return county.school(p.school())
                .flatMap(s -> CountyIndex.periodHolding(s, o.timetableDay(), o.start(), o.end()))
                .map(Period::number).orElse(0);
    }
}
