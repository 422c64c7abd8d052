package org.tongke.scheduler.check;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.tongke.config.calendar.Period;
import org.tongke.config.county.County;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.TimetableEntry;

/**
 * The county's configuration indexed for the checker, built once per county: the records offer
 * only linear look-ups, and a county plan asks tens of thousands of questions. Also names
 * things for messages, in Chinese where the configuration has names.
 */
final class CountyIndex {
    private final Map<String, School> schools;
    private final Map<String, LessonRequirement> lessons;
    private final Map<String, ResearchRequirement> research;
    private final Map<String, Teacher> teachers = new HashMap<>();
    private final Map<String, SchoolClass> classes = new HashMap<>();
    private final Map<String, Classroom> rooms = new HashMap<>();
    private final Map<String, TimetableEntry> classSlots = new HashMap<>();
    private final Map<String, List<TimetableEntry>> teacherDays = new HashMap<>();
    /** The only state that changes after construction; concurrent so one checker serves many threads. */
    private final Map<String, Map<LocalDate, Optional<DayOfWeek>>> teachingDays = new ConcurrentHashMap<>();

    CountyIndex(County county) {
        schools = byId(county.schools(), School::id);
        lessons = byId(county.lessons(), LessonRequirement::id);
        research = byId(county.research(), ResearchRequirement::id);
        for (School s : county.schools()) {
            s.teachers().forEach(t -> teachers.put(key(s.id(), t.id()), t));
            s.classes().forEach(c -> classes.put(key(s.id(), c.id()), c));
            s.classrooms().forEach(r -> rooms.put(key(s.id(), r.id()), r));
            for (TimetableEntry e : s.timetable()) {
                classSlots.put(key(s.id(), e.classId(), e.day(), e.period()), e);
                if (e.teacher() != null) {
                    teacherDays.computeIfAbsent(key(s.id(), e.teacher(), e.day()), k -> new ArrayList<>()).add(e);
                }
            }
        }
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new HashMap<>();
        items.forEach(item -> map.putIfAbsent(id.apply(item), item));
        return map;
    }

    private static String key(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            b.append(p).append('\u0000');
        }
        return b.toString();
    }

    Optional<School> school(String id) {
        return Optional.ofNullable(id == null ? null : schools.get(id));
    }

    Optional<LessonRequirement> lesson(String id) {
        return Optional.ofNullable(id == null ? null : lessons.get(id));
    }

    Optional<ResearchRequirement> research(String id) {
        return Optional.ofNullable(id == null ? null : research.get(id));
    }

    Optional<Teacher> teacher(String school, String id) {
        return Optional.ofNullable(teachers.get(key(school, id)));
    }

    Optional<SchoolClass> schoolClass(String school, String id) {
        return Optional.ofNullable(classes.get(key(school, id)));
    }

    Optional<Classroom> classroom(String school, String id) {
        return Optional.ofNullable(rooms.get(key(school, id)));
    }

    /**
     * The weekday whose timetable the school follows on that date, empty when it does not teach;
     * remembered, since every occurrence asks it for each of its schools.
     */
    Optional<DayOfWeek> teachingWeekday(School school, LocalDate date) {
        return teachingDays.computeIfAbsent(school.id(), id -> new ConcurrentHashMap<>())
                .computeIfAbsent(date, d -> school.calendar().teachingWeekday(d));
    }

    /** The class's own timetable entry in that period; empty when the timetable has none (free). */
    Optional<TimetableEntry> ownEntry(String school, String classId, DayOfWeek day, int period) {
        return Optional.ofNullable(classSlots.get(key(school, classId, day, period)));
    }

    /** The lessons a teacher gives on that weekday according to the school's timetable. */
    List<TimetableEntry> teaching(String school, String teacher, DayOfWeek day) {
        return teacherDays.getOrDefault(key(school, teacher, day), List.of());
    }

    /** The one period of the school's bell schedule that day that holds the whole interval. */
    static Optional<Period> periodHolding(School school, DayOfWeek day, LocalTime start, LocalTime end) {
        return school.bellSchedule().periods(day).stream().filter(p -> p.contains(start, end)).findFirst();
    }

    String schoolName(String school) {
        School s = schools.get(school);
        return s == null ? "'" + school + "'" : s.name();
    }

    String classLabel(String school, String classId) {
        return schoolClass(school, classId).map(SchoolClass::name).orElse("class '" + classId + "'")
                + " of " + schoolName(school);
    }

    String teacherLabel(String school, String teacher) {
        return teacher(school, teacher).map(Teacher::name).orElse("teacher '" + teacher + "'")
                + " of " + schoolName(school);
    }

    String roomLabel(String school, String room) {
        return classroom(school, room).map(Classroom::name).orElse("classroom '" + room + "'")
                + " of " + schoolName(school);
    }
}
