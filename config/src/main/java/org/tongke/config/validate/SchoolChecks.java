package org.tongke.config.validate;

import java.util.HashMap;
import java.util.Map;
import org.tongke.config.calendar.BellSchedule;
import static org.tongke.config.diagnostic.SourceIndex.CLASS;
import static org.tongke.config.diagnostic.SourceIndex.CLASSROOM;
import static org.tongke.config.diagnostic.SourceIndex.PERIOD;
import static org.tongke.config.diagnostic.SourceIndex.TEACHER;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.TimetableEntry;

/** Checks each school on its own: ids, grades, rooms, and its existing weekly timetable. */
final class SchoolChecks {
    private final Checks checks;

    SchoolChecks(Checks checks) {
        this.checks = checks;
    }

    void run() {
        UniqueIds.check(checks, checks.county().schools(), School::id, "school");
        Map<String, Classroom> agents = new HashMap<>();
        for (School school : checks.county().schools()) {
            checkSchool(school);
            for (Classroom room : school.recordingClassrooms()) {
                Classroom other = agents.putIfAbsent(room.agent(), room);
                if (other != null) {
                    checks.error(room, "agent", "edge agent '" + room.agent() + "' already records "
                            + checks.at(other));
                }
            }
        }
    }

    private void checkSchool(School school) {
        UniqueIds.check(checks, school.classes(), SchoolClass::id, "class");
        UniqueIds.check(checks, school.teachers(), Teacher::id, "teacher");
        UniqueIds.check(checks, school.classrooms(), Classroom::id, "classroom");
        if (school.bellSchedule().periodsPerWeek() == 0) {
            checks.error(school, "bellSchedule", "the bell schedule has no periods");
        }
        for (SchoolClass c : school.classes()) {
            if (!school.stage().teachesGrade(c.grade())) {
                checks.error(c, "grade", "grade " + c.grade() + " is not taught at a " + school.stage().key()
                        + " school (" + school.stage().chinese() + ", grades " + school.stage().firstGrade()
                        + "-" + school.stage().lastGrade() + ")");
            }
            if (c.homeroom() != null && school.classroom(c.homeroom()).isEmpty()
                    && checks.absent(CLASSROOM, school.id(), c.homeroom())) {
                checks.error(c, "homeroom", "no classroom '" + c.homeroom() + "' at " + SchoolNames.of(school));
            }
        }
        checkUnavailablePeriods(school);
        checkTimetable(school);
    }

    private void checkUnavailablePeriods(School school) {
        for (Teacher t : school.teachers()) {
            for (var u : t.unavailable()) {
                var periods = u.weekday() != null ? school.bellSchedule().periods(u.weekday()).stream()
                        : school.bellSchedule().days().values().stream().flatMap(java.util.List::stream);
                int most = periods.mapToInt(org.tongke.config.calendar.Period::number).max().orElse(0);
                for (int period : u.periods()) {
                    if ((period < 1 || period > most) && writtenNowhere(school, u.weekday(), period)) {
                        checks.error(u, "periods", "period " + period + " is not in the bell schedule"
                                + (u.weekday() != null ? " on " + u.weekday().name().toLowerCase() : "")
                                + " (it has " + most + ")");
                    }
                }
            }
        }
    }

    /** False when the period was written but broken: its own error is reported already. */
    private boolean writtenNowhere(School school, java.time.DayOfWeek weekday, int period) {
        var days = weekday != null ? java.util.List.of(weekday) : java.util.List.of(java.time.DayOfWeek.values());
        return days.stream().allMatch(d -> checks.absent(PERIOD, school.id() + "#" + d, String.valueOf(period)));
    }

    private void checkTimetable(School school) {
        Map<String, TimetableEntry> classSlots = new HashMap<>();
        Map<String, TimetableEntry> teacherSlots = new HashMap<>();
        BellSchedule bells = school.bellSchedule();
        for (TimetableEntry e : school.timetable()) {
            if (school.schoolClass(e.classId()).isEmpty() && checks.absent(CLASS, school.id(), e.classId())) {
                checks.error(e, null, "no class '" + e.classId() + "' at " + SchoolNames.of(school));
            }
            if (bells.period(e.day(), e.period()).isEmpty()
                    && checks.absent(PERIOD, school.id() + "#" + e.day(), String.valueOf(e.period()))) {
                checks.error(e, null, "the bell schedule has no period " + e.period() + " on "
                        + e.day().name().toLowerCase() + " (it has " + bells.periods(e.day()).size() + ")");
            }
            String slot = e.day() + "#" + e.period();
            TimetableEntry twice = classSlots.putIfAbsent(e.classId() + "@" + slot, e);
            if (twice != null) {
                checks.error(e, null, "class '" + e.classId() + "' is booked twice on " + day(e)
                        + " period " + e.period() + " (also at " + checks.at(twice) + ")");
            }
            if (e.kind() == SlotKind.LESSON) {
                checkLessonTeacher(school, e, teacherSlots, slot);
            }
        }
    }

    private void checkLessonTeacher(School school, TimetableEntry e, Map<String, TimetableEntry> busy, String slot) {
        var teacher = school.teacher(e.teacher());
        if (teacher.isEmpty()) {
            if (checks.absent(TEACHER, school.id(), e.teacher())) {
                checks.error(e, null, "no teacher '" + e.teacher() + "' at " + SchoolNames.of(school));
            }
            return;
        }
        if (!teacher.get().teaches(e.subject())) {
            checks.error(e, null, "teacher '" + e.teacher() + "' does not teach " + e.subject()
                    + " (teaches " + String.join(", ", teacher.get().subjects()) + ")");
        }
        TimetableEntry other = busy.putIfAbsent(e.teacher() + "@" + slot, e);
        if (other != null && !other.classId().equals(e.classId())) {
            checks.error(e, null, "teacher '" + e.teacher() + "' is booked twice on " + day(e) + " period "
                    + e.period() + ": class '" + e.classId() + "' and class '" + other.classId() + "' (at "
                    + checks.at(other) + ")");
        }
    }

    private static String day(TimetableEntry e) {
        return e.day().name().toLowerCase();
    }
}
