package org.tongke.config.school;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.calendar.TermCalendar;

/**
 * A school with its own bell schedule, calendar (the county's plus its own closures), classes,
 * teachers, classrooms and existing weekly timetable.
 */
public record School(
        String id,
        String name,
        Stage stage,
        Setting setting,
        BellSchedule bellSchedule,
        TermCalendar calendar,
        List<SchoolClass> classes,
        List<Teacher> teachers,
        List<Classroom> classrooms,
        List<TimetableEntry> timetable) {

    public School {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(bellSchedule, "bellSchedule");
        Objects.requireNonNull(calendar, "calendar");
        classes = List.copyOf(classes);
        teachers = List.copyOf(teachers);
        classrooms = List.copyOf(classrooms);
        timetable = List.copyOf(timetable);
    }

    public Optional<SchoolClass> schoolClass(String classId) {
        return classes.stream().filter(c -> c.id().equals(classId)).findFirst();
    }

    public Optional<Teacher> teacher(String teacherId) {
        return teachers.stream().filter(t -> t.id().equals(teacherId)).findFirst();
    }

    public Optional<Classroom> classroom(String classroomId) {
        return classrooms.stream().filter(c -> c.id().equals(classroomId)).findFirst();
    }

    public List<Classroom> recordingClassrooms() {
        return classrooms.stream().filter(Classroom::recording).toList();
    }
}
