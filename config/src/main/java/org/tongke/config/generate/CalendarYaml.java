package org.tongke.config.generate;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.tongke.config.calendar.DateSpan;
import org.tongke.config.calendar.MakeUpDay;
import org.tongke.config.calendar.TermCalendar;

/** Writes a calendar's terms, holidays and make-up days, and what a school adds to the county's. */
final class CalendarYaml {
    private CalendarYaml() {
    }

    static void write(YamlOut out, int indent, TermCalendar calendar) {
        spans(out, indent, "terms", calendar.terms());
        spans(out, indent, "holidays", calendar.holidays());
        if (!calendar.makeUpDays().isEmpty()) {
            out.key(indent, "makeUpDays");
            for (MakeUpDay m : calendar.makeUpDays()) {
                out.comment(indent + 1, m.date() + " is a " + dayName(m.date().getDayOfWeek())
                        + " worked as a school day; it follows " + dayName(m.as()) + "'s timetable.");
                Flow flow = new Flow().raw("date", YamlScalars.date(m.date())).raw("as", weekday(m.as()));
                out.item(indent + 1, m.note().isEmpty() ? flow : flow.text("note", m.note()));
            }
        }
    }

    private static void spans(YamlOut out, int indent, String key, List<DateSpan> spans) {
        if (spans.isEmpty()) {
            return;
        }
        out.key(indent, key);
        for (DateSpan s : spans) {
            Flow flow = new Flow().text("name", s.name());
            if (s.start().equals(s.end())) {
                flow.raw("date", YamlScalars.date(s.start()));
            } else {
                flow.raw("start", YamlScalars.date(s.start())).raw("end", YamlScalars.date(s.end()));
            }
            out.item(indent + 1, flow);
        }
    }

    /**
     * What a school's calendar adds to the county's, as its YAML would say it: the loader adds a
     * school's holidays and make-up days after the county's and replaces the terms if it has any.
     */
    static TermCalendar additions(TermCalendar school, TermCalendar county, String schoolId) {
        List<DateSpan> terms = school.terms().equals(county.terms()) ? List.of() : school.terms();
        if (terms.isEmpty() && !school.terms().equals(county.terms())) {
            throw notAnExtension(schoolId, "it has no terms");
        }
        return new TermCalendar(terms, rest(school.holidays(), county.holidays(), schoolId),
                rest(school.makeUpDays(), county.makeUpDays(), schoolId));
    }

    private static <T> List<T> rest(List<T> school, List<T> county, String schoolId) {
        if (school.size() < county.size() || !school.subList(0, county.size()).equals(county)) {
            throw notAnExtension(schoolId, "its holidays or make-up days do not start with the county's");
        }
        return school.subList(county.size(), school.size());
    }

    private static IllegalArgumentException notAnExtension(String schoolId, String why) {
        return new IllegalArgumentException("the calendar of school '" + schoolId
                + "' cannot be written as additions to the county's: " + why);
    }

    static String weekday(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
