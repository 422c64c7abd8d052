package org.tongke.config.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.tongke.config.calendar.DateSpan;
import org.tongke.config.calendar.TermCalendar;

/**
 * The days a school closes its timetable for its own mid-term exams (期中考试): two days in
 * November and two in April, in a week each school picks, clear of the county's holidays.
 */
final class ExamClosures {
    private static final List<LocalDate> NOVEMBER_WEEKS = mondays("2021-11-08", "2021-11-15", "2021-11-22");
    private static final List<LocalDate> APRIL_WEEKS = mondays("2022-04-11", "2022-04-18", "2022-04-25");

    private ExamClosures() {
    }

    /** The school's own additions to the county calendar. */
    static TermCalendar forSchool(Random random) {
        return new TermCalendar(List.of(), List.of(
                exam("第一学期期中考试", NOVEMBER_WEEKS, random),
                exam("第二学期期中考试", APRIL_WEEKS, random)), List.of());
    }

    /** Two consecutive days from Monday to Friday of one of the weeks. */
    private static DateSpan exam(String name, List<LocalDate> weeks, Random random) {
        LocalDate start = weeks.get(random.nextInt(weeks.size())).plusDays(random.nextInt(4));
        return new DateSpan(name, start, start.plusDays(1));
    }

    private static List<LocalDate> mondays(String... dates) {
        List<LocalDate> mondays = java.util.Arrays.stream(dates).map(LocalDate::parse).toList();
        if (mondays.stream().anyMatch(d -> d.getDayOfWeek() != DayOfWeek.MONDAY)) {
            throw new IllegalStateException("exam weeks must start on a Monday: " + mondays);
        }
        return mondays;
    }
}
