package org.tongke.scheduler.slot;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongke.config.calendar.Period;
import org.tongke.config.school.School;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.TimetableEntry;
import org.tongke.scheduler.plan.Participant;

/**
 * Where a receiving class's own lesson of another subject can go when a requirement that allows
 * swaps (调课) takes its period: a period of the same class that is free or self-study, where the
 * lesson's teacher teaches nobody and is available; the same day first, then the week in order.
 */
final class SwapFinder {
    private static final List<DayOfWeek> WEEK = List.of(
            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private SwapFinder() {
    }

    static Optional<Participant.Swap> find(School school, TimetableIndex timetable, TimetableEntry lesson) {
        List<DayOfWeek> days = new ArrayList<>(WEEK);
        days.remove(lesson.day());
        days.add(0, lesson.day());
        for (DayOfWeek day : days) {
            for (Period p : school.bellSchedule().periods(day)) {
                if (open(timetable.classAt(lesson.classId(), day, p.number()))
                        && timetable.teacherAt(lesson.teacher(), day, p.number()).isEmpty()
                        && available(school, lesson.teacher(), day, p.number())) {
                    return Optional.of(new Participant.Swap(day, p.number(), lesson.subject(), lesson.teacher()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whom the swap occupies: the class and the moved lesson's teacher, at the period it moves to. */
    static List<SwapBooking> bookings(School school, String classId, Participant.Swap swap) {
        Period p = school.bellSchedule().period(swap.day(), swap.period()).orElseThrow();
        return List.of(
                new SwapBooking("class:" + school.id() + "/" + classId, swap.day(), p.start(), p.end()),
                new SwapBooking("teacher:" + school.id() + "/" + swap.teacher(), swap.day(), p.start(), p.end()));
    }

    private static boolean open(Optional<TimetableEntry> entry) {
        return entry.isEmpty() || entry.get().kind() != SlotKind.LESSON;
    }

    private static boolean available(School school, String teacher, DayOfWeek day, int period) {
        return school.teacher(teacher).map(t -> t.unavailable().stream().noneMatch(u -> u.weekday() == day
                && (u.wholeDay() || u.periods().contains(period)))).orElse(false);
    }
}
