package org.tongke.scheduler.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongke.config.calendar.Period;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.TimetableEntry;
import org.tongke.config.school.Unavailability;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Participant.Displaces;

/**
 * The rules that depend on the timetable day but not on the date: the requirement, the period at
 * each school, the class's own period and its swap ({@link SwapChecks}), the recording classroom,
 * the teachers' timetables and their weekly unavailability.
 */
final class LessonChecks {
    private final CountyIndex county;
    private final Findings found;
    private final RequirementMatch requirements;
    private final SwapChecks swaps;

    LessonChecks(CountyIndex county, Findings found) {
        this.county = county;
        this.found = found;
        this.requirements = new RequirementMatch(county, found);
        this.swaps = new SwapChecks(county, found);
    }

    void check(Placed lesson) {
        requirements.check(lesson);
        if (!lesson.timed()) {
            found.add(Rule.PERIOD, lesson.id(), "has no valid time: %s", lesson.time());
            return;
        }
        county.school(lesson.host().school()).ifPresent(school -> checkRoom(lesson, school, lesson.host(), true));
        for (Participant p : lesson.receivers()) {
            county.school(p.school()).ifPresent(school -> checkRoom(lesson, school, p, false));
        }
    }

    private void checkRoom(Placed lesson, School school, Participant p, boolean host) {
        checkClassroom(lesson, p);
        Optional<Period> period = CountyIndex.periodHolding(school, lesson.day(), lesson.start(), lesson.end());
        if (period.isEmpty()) {
            found.add(Rule.PERIOD, lesson.id(), "%s on %s lies inside no period of %s%s", lesson.time(),
                    Words.day(lesson.day()), school.name(), overlapping(school, lesson));
            checkUnavailable(lesson, p, 0);
            return;
        }
        int number = period.get().number();
        checkNamedPeriod(lesson, school, p, period.get());
        checkOwnPeriod(lesson, p, host, number);
        checkTeacherFree(lesson, p, number);
        checkUnavailable(lesson, p, number);
    }

    private static String overlapping(School school, Placed lesson) {
        List<String> periods = school.bellSchedule().periods(lesson.day()).stream()
                .filter(q -> q.overlaps(lesson.start(), lesson.end())).map(q -> "period " + q).toList();
        return periods.isEmpty() ? "" : " (it overlaps " + String.join(" and ", periods) + ")";
    }

    private void checkNamedPeriod(Placed lesson, School school, Participant p, Period period) {
        if (p.period() != period.number() || !p.periodStart().equals(period.start())
                || !p.periodEnd().equals(period.end())) {
            found.add(Rule.PERIOD, lesson.id(), "names period %d (%s-%s) at %s, but %s on %s is period %s there",
                    p.period(), p.periodStart(), p.periodEnd(), school.name(), lesson.time(),
                    Words.day(lesson.day()), period);
        }
    }

    /** Another subject's period may be taken only by a swap, which {@link SwapChecks} judges. */
    private void checkOwnPeriod(Placed lesson, Participant p, boolean host, int number) {
        TimetableEntry own = county.ownEntry(p.school(), p.classId(), lesson.day(), number).orElse(null);
        boolean swapped = p.displaces() == Displaces.SWAPPED;
        if (swapped && !swaps.allowed(lesson, p, host)) {
            return;
        }
        if (own != null && own.kind() == SlotKind.LESSON && !own.subject().equals(lesson.subject())) {
            if (swapped) {
                swaps.check(lesson, p, own, number);
            } else {
                reportOtherSubject(lesson, p, host, own);
            }
            return;
        }
        Displaces actual = own == null || own.kind() == SlotKind.FREE ? Displaces.FREE
                : own.kind() == SlotKind.SELF_STUDY ? Displaces.SELF_STUDY : Displaces.SAME_SUBJECT;
        if (p.displaces() != actual) {
            found.add(Rule.DISPLACES, lesson.id(), "%s has %s in period %d on %s, but the plan says the lesson"
                    + " displaces %s", county.classLabel(p.school(), p.classId()), Words.cell(own), number,
                    Words.day(lesson.day()), Words.displaces(p.displaces()));
        }
    }

    private void reportOtherSubject(Placed lesson, Participant p, boolean host, TimetableEntry own) {
        String swap = !host && swaps.mayReceiverSwap(lesson)
                ? "; " + lesson.requirement() + " allows a swap (调课), but the plan does not move it" : "";
        found.add(Rule.OWN_PERIOD, lesson.id(), "%s has %s in period %d on %s, which the lesson would take%s",
                county.classLabel(p.school(), p.classId()), own.subject(), own.period(), Words.day(lesson.day()),
                swap);
    }

    private void checkClassroom(Placed lesson, Participant p) {
        if (p.classroom() == null) {
            found.add(Rule.CLASSROOM, lesson.id(), "names no classroom at %s; the lesson needs a recording classroom",
                    county.schoolName(p.school()));
            return;
        }
        Optional<Classroom> room = county.classroom(p.school(), p.classroom());
        if (room.isEmpty()) {
            found.add(Rule.CLASSROOM, lesson.id(), "names classroom '%s', which %s does not have", p.classroom(),
                    county.schoolName(p.school()));
        } else if (!room.get().recording()) {
            found.add(Rule.CLASSROOM, lesson.id(), "%s is not a recording classroom",
                    county.roomLabel(p.school(), p.classroom()));
        }
    }

    /** Classes of the same school inside this lesson are not a clash: the teacher is with them. */
    private void checkTeacherFree(Placed lesson, Participant p, int number) {
        if (p.teacher() == null) {
            return;
        }
        Set<String> inLesson = lesson.participants().stream().filter(q -> q.school().equals(p.school()))
                .map(Participant::classId).collect(Collectors.toSet());
        for (TimetableEntry e : county.teaching(p.school(), p.teacher(), lesson.day())) {
            if (e.period() == number && !inLesson.contains(e.classId())) {
                found.add(Rule.TIMETABLE_CLASH, lesson.id(), "%s teaches %s to %s in period %d on %s, which the"
                        + " lesson takes", county.teacherLabel(p.school(), p.teacher()), e.subject(),
                        county.classLabel(p.school(), e.classId()), number, Words.day(lesson.day()));
            }
        }
    }

    /** Weekly unavailability; {@code number} 0 when no period holds the lesson (whole days only). */
    private void checkUnavailable(Placed lesson, Participant p, int number) {
        if (p.teacher() == null) {
            return;
        }
        Optional<Teacher> teacher = county.teacher(p.school(), p.teacher());
        for (Unavailability u : teacher.map(Teacher::unavailable).orElse(List.of())) {
            if (u.weekday() == lesson.day() && (u.wholeDay() || u.periods().contains(number))) {
                String when = Words.day(u.weekday());
                found.add(Rule.UNAVAILABLE, lesson.id(), "%s", unavailable(county, p, u, when, number));
            }
        }
    }

    /** A lesson's own teacher: nothing but the lesson can clash, so a whole day needs no more words. */
    static String unavailable(CountyIndex county, Participant p, Unavailability u, String when, int number) {
        if (u.wholeDay()) {
            return county.teacherLabel(p.school(), p.teacher()) + " is unavailable all day on " + when + reason(u);
        }
        return unavailable(county, p.school(), p.teacher(), u, when, "the lesson takes period " + number);
    }

    /** {@code clash} says what falls then, after "and" ({@code the lesson takes period 6}). */
    static String unavailable(CountyIndex county, String school, String teacher, Unavailability u, String when,
                              String clash) {
        String span = u.wholeDay() ? "all day on " + when : "on " + when + " in periods "
                + u.periods().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return county.teacherLabel(school, teacher) + " is unavailable " + span + reason(u) + ", and " + clash;
    }

    private static String reason(Unavailability u) {
        return u.reason().isEmpty() ? "" : " (" + u.reason() + ")";
    }
}
