package org.tongke.config.generate;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.calendar.Period;
import org.tongke.config.calendar.TermCalendar;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.TimetableEntry;
import org.tongke.config.school.Unavailability;

/** Writes one {@code schools/<id>.yaml}: a school, its bells, rooms, people and timetable. */
final class SchoolYamlWriter {
    private static final List<DayOfWeek> SCHOOL_WEEK = TimetablePlacer.WEEK;

    private SchoolYamlWriter() {
    }

    static String render(School school, TermCalendar countyCalendar, String generatedBy) {
        YamlOut out = new YamlOut().header(school.name() + " (" + school.id() + "), " + school.setting().key() + ", "
                + school.stage().key() + ": its bells, own closures, classes, teachers, rooms and weekly timetable.",
                generatedBy);
        out.entry(0, "id", YamlScalars.text(school.id()));
        out.entry(0, "name", YamlScalars.text(school.name()));
        out.entry(0, "stage", school.stage().key());
        out.entry(0, "setting", school.setting().key());
        TermCalendar own = CalendarYaml.additions(school.calendar(), countyCalendar, school.id());
        if (!own.equals(TermCalendar.empty())) {
            out.comment(0, "Added to the county calendar: the days this school itself closes.");
            out.key(0, "calendar");
            CalendarYaml.write(out, 1, own);
        }
        bellSchedule(out, school.bellSchedule());
        out.key(0, "classes");
        school.classes().forEach(c -> out.item(1, schoolClass(c)));
        out.key(0, "teachers");
        school.teachers().forEach(t -> teacher(out, t));
        out.key(0, "classrooms");
        school.classrooms().forEach(r -> out.item(1, classroom(r)));
        timetable(out, school);
        return out.toString();
    }

    /** {@code weekdays} for Monday to Friday, then each day that differs from it. */
    private static void bellSchedule(YamlOut out, BellSchedule bells) {
        Map<DayOfWeek, List<Period>> days = new EnumMap<>(bells.days());
        out.key(0, "bellSchedule");
        List<Period> common = SCHOOL_WEEK.stream().allMatch(days::containsKey) ? mostCommon(days) : null;
        if (common != null) {
            periods(out, "weekdays", common);
        }
        days.forEach((day, periods) -> {
            if (common == null || !SCHOOL_WEEK.contains(day) || !periods.equals(common)) {
                periods(out, CalendarYaml.weekday(day), periods);
            }
        });
    }

    private static List<Period> mostCommon(Map<DayOfWeek, List<Period>> days) {
        List<Period> best = null;
        long bestCount = 0;
        for (DayOfWeek day : SCHOOL_WEEK) {
            long count = SCHOOL_WEEK.stream().filter(d -> days.get(d).equals(days.get(day))).count();
            if (count > bestCount) {
                best = days.get(day);
                bestCount = count;
            }
        }
        return best;
    }

    private static void periods(YamlOut out, String key, List<Period> periods) {
        out.key(1, key);
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            if (p.number() != i + 1) {
                throw new IllegalArgumentException("periods are numbered by their place in the day: " + periods);
            }
            out.item(2, new Flow().raw("start", YamlScalars.time(p.start())).raw("end", YamlScalars.time(p.end())));
        }
    }

    private static Flow schoolClass(SchoolClass c) {
        return new Flow().text("id", c.id()).number("grade", c.grade()).text("name", c.name())
                .number("size", c.size()).optText("homeroom", c.homeroom());
    }

    private static void teacher(YamlOut out, Teacher t) {
        if (t.unavailable().isEmpty()) {
            out.item(1, new Flow().text("id", t.id()).text("name", t.name()).raw("subjects", Flow.texts(t.subjects())));
            return;
        }
        out.item(1, "id: " + YamlScalars.text(t.id()));
        out.entry(2, "name", YamlScalars.text(t.name()));
        out.entry(2, "subjects", Flow.texts(t.subjects()));
        out.key(2, "unavailable");
        t.unavailable().forEach(u -> out.item(3, unavailability(u)));
    }

    private static Flow unavailability(Unavailability u) {
        Flow flow = u.weekday() != null
                ? new Flow().raw("weekday", CalendarYaml.weekday(u.weekday()))
                : new Flow().raw("date", YamlScalars.date(u.date()));
        if (!u.periods().isEmpty()) {
            flow.list("periods", u.periods(), String::valueOf);
        }
        return u.reason().isEmpty() ? flow : flow.text("reason", u.reason());
    }

    private static Flow classroom(Classroom r) {
        Flow flow = new Flow().text("id", r.id()).text("name", r.name());
        if (r.recording()) {
            flow.raw("recording", "true");
        }
        return flow.optText("agent", r.agent());
    }

    /** One row per class and day, in the order the entries stand; a gap in the periods starts a new row. */
    private static void timetable(YamlOut out, School school) {
        out.key(0, "timetable");
        List<TimetableEntry> row = new ArrayList<>();
        String lastClass = null;
        for (TimetableEntry e : school.timetable()) {
            if (!row.isEmpty() && !continues(row.get(row.size() - 1), e)) {
                out.item(1, timetableRow(row));
                row.clear();
            }
            if (!e.classId().equals(lastClass)) {
                school.schoolClass(e.classId()).ifPresent(c -> out.comment(1, c.name()));
                lastClass = e.classId();
            }
            row.add(e);
        }
        if (!row.isEmpty()) {
            out.item(1, timetableRow(row));
        }
    }

    private static boolean continues(TimetableEntry previous, TimetableEntry next) {
        return previous.classId().equals(next.classId()) && previous.day() == next.day()
                && next.period() == previous.period() + 1;
    }

    private static Flow timetableRow(List<TimetableEntry> row) {
        TimetableEntry first = row.get(0);
        Flow flow = new Flow().text("class", first.classId()).raw("day", CalendarYaml.weekday(first.day()));
        if (first.period() != 1) {
            flow.number("from", first.period());
        }
        return flow.list("periods", row, SchoolYamlWriter::cell);
    }

    private static String cell(TimetableEntry e) {
        return switch (e.kind()) {
            case SELF_STUDY -> "自习";
            case FREE -> "空";
            case LESSON -> {
                if (e.subject().isBlank() || e.teacher().isBlank() || (e.subject() + e.teacher()).matches(".*\\s.*")) {
                    throw new IllegalArgumentException("a timetable cell cannot hold subject '" + e.subject()
                            + "' and teacher '" + e.teacher() + "'");
                }
                yield YamlScalars.text(e.subject() + " " + e.teacher());
            }
        };
    }
}
