package org.tongke.config.yaml;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.calendar.TermCalendar;
import org.tongke.config.diagnostic.SourceIndex;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.Setting;
import org.tongke.config.school.Stage;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.Unavailability;

/** Reads one {@code schools/*.yaml} file into a {@link School}. */
final class SchoolReader {
    private static final List<String> STAGES = List.of("primary", "junior", "nine-year");
    private static final List<String> SETTINGS = List.of("urban", "rural");

    private SchoolReader() {
    }

    /** The school, or empty when a field it cannot do without is missing or wrong. */
    static Optional<School> read(YamlMap map, TermCalendar countyCalendar, String fileStem) {
        String id = map.string("id");
        String scope = id != null ? id : fileStem;
        String name = map.string("name");
        Stage stage = map.choice("stage", Stage::fromKey, STAGES);
        Setting setting = map.choice("setting", Setting::fromKey, SETTINGS);
        BellSchedule bells = map.map("bellSchedule").map(b -> CalendarReader.bellSchedule(b, scope)).orElse(null);
        TermCalendar calendar = map.optMap("calendar").map(CalendarReader::calendar).orElse(TermCalendar.empty());
        List<SchoolClass> classes = classes(map, scope);
        List<Teacher> teachers = teachers(map, scope);
        List<Classroom> classrooms = classrooms(map, scope);
        var timetable = TimetableReader.read(map);
        map.finish();
        if (id == null || name == null || stage == null || setting == null || bells == null) {
            map.index().recordUnbuilt(SourceIndex.SCHOOL, "", scope);
            return Optional.empty();
        }
        School school = new School(id, name, stage, setting, bells, countyCalendar.plus(calendar),
                classes, teachers, classrooms, timetable);
        return Optional.of(CalendarReader.record(map, school));
    }

    private static List<SchoolClass> classes(YamlMap map, String school) {
        List<SchoolClass> classes = new ArrayList<>();
        for (YamlMap item : map.maps("classes")) {
            String id = item.string("id");
            Integer grade = item.integer("grade", 1, 9);
            String name = item.string("name");
            Integer size = item.integer("size", 1, 200);
            String homeroom = item.optString("homeroom", null);
            item.finish();
            if (id != null && grade != null && name != null && size != null) {
                classes.add(CalendarReader.record(item, new SchoolClass(id, grade, name, size, homeroom)));
            } else if (id != null) {
                item.index().recordUnbuilt(SourceIndex.CLASS, school, id);
            }
        }
        return classes;
    }

    private static List<Teacher> teachers(YamlMap map, String school) {
        List<Teacher> teachers = new ArrayList<>();
        for (YamlMap item : map.maps("teachers")) {
            String id = item.string("id");
            String name = item.string("name");
            List<String> subjects = item.texts("subjects").stream().map(YamlText::value).toList();
            if (subjects.isEmpty() && item.has("subjects")) {
                item.problems().error(item.location("subjects"), "a teacher needs at least one subject");
            } else if (!item.has("subjects")) {
                item.problems().error(item.location("subjects"), "required field is missing");
            }
            List<Unavailability> unavailable = unavailability(item);
            item.finish();
            if (id != null && name != null && !subjects.isEmpty()) {
                teachers.add(CalendarReader.record(item, new Teacher(id, name, subjects, unavailable)));
            } else if (id != null) {
                item.index().recordUnbuilt(SourceIndex.TEACHER, school, id);
            }
        }
        return teachers;
    }

    private static List<Unavailability> unavailability(YamlMap teacher) {
        List<Unavailability> result = new ArrayList<>();
        for (YamlMap item : teacher.maps("unavailable")) {
            boolean byWeekday = item.has("weekday");
            boolean byDate = item.has("date");
            DayOfWeek weekday = byWeekday ? item.weekday("weekday") : null;
            LocalDate date = byDate ? item.date("date") : null;
            List<Integer> periods = new ArrayList<>();
            for (YamlText text : item.texts("periods")) {
                try {
                    periods.add(Integer.parseInt(text.value()));
                } catch (NumberFormatException e) {
                    item.problems().error(text.location(), "'" + text.value() + "' is not a period number");
                }
            }
            String reason = item.optString("reason", "");
            item.finish("weekday", "date");
            if (byWeekday == byDate) {
                item.problems().error(item.location(), "give exactly one of 'weekday' and 'date'");
                continue;
            }
            if (weekday == null && date == null) {
                continue;
            }
            result.add(CalendarReader.record(item, new Unavailability(weekday, date, periods, reason)));
        }
        return result;
    }

    private static List<Classroom> classrooms(YamlMap map, String school) {
        List<Classroom> rooms = new ArrayList<>();
        for (YamlMap item : map.maps("classrooms")) {
            String id = item.string("id");
            String name = item.string("name");
            boolean recording = item.optBoolean("recording", false);
            String agent = recording ? item.string("agent") : item.optString("agent", null);
            item.finish();
            if (id != null && name != null && (!recording || agent != null)) {
                rooms.add(CalendarReader.record(item, new Classroom(id, name, recording, agent)));
            } else if (id != null) {
                item.index().recordUnbuilt(SourceIndex.CLASSROOM, school, id);
            }
        }
        return rooms;
    }
}
