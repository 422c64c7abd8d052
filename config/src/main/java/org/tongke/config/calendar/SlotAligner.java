package org.tongke.config.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.tongke.config.school.School;

/**
 * Finds the wall-clock times at which a lesson of a given length lies inside a teaching period
 * at every one of several schools, whose bell schedules differ. This alignment is what makes a
 * synchronized lesson possible at all: 08:00-08:40 at one school and 08:10-08:55 at another
 * share only 30 minutes, too little for a 40-minute lesson.
 */
public final class SlotAligner {
    private SlotAligner() {
    }

    /**
     * Every aligned slot on the weekdays the first school teaches, earliest first. The lesson
     * starts at the latest start of the periods it takes, so that no school begins early.
     */
    public static List<WeeklySlot> align(List<School> schools, int minutes) {
        List<WeeklySlot> slots = new ArrayList<>();
        School first = schools.get(0);
        for (DayOfWeek day : first.bellSchedule().days().keySet()) {
            for (Period anchor : first.bellSchedule().periods(day)) {
                List<SchoolPeriod> chosen = new ArrayList<>();
                chosen.add(new SchoolPeriod(first.id(), anchor.number(), anchor.start(), anchor.end()));
                extend(schools, 1, day, anchor.start(), anchor.end(), minutes, chosen, slots);
            }
        }
        return slots;
    }

    private static void extend(List<School> schools, int next, DayOfWeek day, LocalTime from, LocalTime to,
                               int minutes, List<SchoolPeriod> chosen, List<WeeklySlot> into) {
        if (!from.plusMinutes(minutes).isAfter(to) && from.plusMinutes(minutes).isAfter(from)) {
            if (next == schools.size()) {
                into.add(new WeeklySlot(day, from, from.plusMinutes(minutes), chosen));
                return;
            }
            School school = schools.get(next);
            for (Period p : school.bellSchedule().periods(day)) {
                LocalTime start = later(from, p.start());
                LocalTime end = earlier(to, p.end());
                if (!start.plusMinutes(minutes).isAfter(end)) {
                    chosen.add(new SchoolPeriod(school.id(), p.number(), p.start(), p.end()));
                    extend(schools, next + 1, day, start, end, minutes, chosen, into);
                    chosen.remove(chosen.size() - 1);
                }
            }
        }
    }

    private static LocalTime later(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalTime earlier(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }
}
