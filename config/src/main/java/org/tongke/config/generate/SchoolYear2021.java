package org.tongke.config.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.tongke.config.calendar.DateSpan;
import org.tongke.config.calendar.MakeUpDay;
import org.tongke.config.calendar.TermCalendar;

/**
 * The county calendar (校历) of the 2021-2022 school year: Zhejiang's two terms and the
 * public holidays the State Council set for 2021 and 2022, with their make-up days (调休).
 * The Spring Festival and its make-up weekend fall in the winter holiday, between the terms.
 */
final class SchoolYear2021 {
    private SchoolYear2021() {
    }

    static TermCalendar calendar() {
        return new TermCalendar(terms(), holidays(), makeUpDays());
    }

    private static List<DateSpan> terms() {
        return List.of(
                span("2021学年第一学期", "2021-09-01", "2022-01-21"),
                span("2021学年第二学期", "2022-02-14", "2022-07-01"));
    }

    private static List<DateSpan> holidays() {
        return List.of(
                span("中秋节", "2021-09-19", "2021-09-21"),
                span("国庆节", "2021-10-01", "2021-10-07"),
                span("元旦", "2022-01-01", "2022-01-03"),
                span("清明节", "2022-04-03", "2022-04-05"),
                span("劳动节", "2022-04-30", "2022-05-04"),
                span("端午节", "2022-06-03", "2022-06-05"));
    }

    /**
     * Each worked weekend day follows the timetable of the weekday it gave away, so that no
     * subject loses more of its week than another: Monday 20 September for 中秋; Wednesday 6
     * and Thursday 7 October for 国庆 (1 to 3 October are the statutory days, 4 and 5 make up
     * for the weekend among them); Monday 4 April for 清明; Tuesday 3 and Wednesday 4 May for
     * 劳动节. 元旦 and 端午 have no make-up day.
     */
    private static List<MakeUpDay> makeUpDays() {
        return List.of(
                makeUp("2021-09-18", DayOfWeek.MONDAY, "中秋节调休，补9月20日（星期一）"),
                makeUp("2021-09-26", DayOfWeek.WEDNESDAY, "国庆节调休，补10月6日（星期三）"),
                makeUp("2021-10-09", DayOfWeek.THURSDAY, "国庆节调休，补10月7日（星期四）"),
                makeUp("2022-04-02", DayOfWeek.MONDAY, "清明节调休，补4月4日（星期一）"),
                makeUp("2022-04-24", DayOfWeek.TUESDAY, "劳动节调休，补5月3日（星期二）"),
                makeUp("2022-05-07", DayOfWeek.WEDNESDAY, "劳动节调休，补5月4日（星期三）"));
    }

    private static DateSpan span(String name, String start, String end) {
        return new DateSpan(name, LocalDate.parse(start), LocalDate.parse(end));
    }

    private static MakeUpDay makeUp(String date, DayOfWeek as, String note) {
        return new MakeUpDay(LocalDate.parse(date), as, note);
    }
}
