package org.tongke.config.generate;

import java.time.DayOfWeek;
import java.util.List;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.calendar.TermCalendar;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.TimetableEntry;

/**
 * Fills in one school of a blueprint: classes, teachers, rooms, its own calendar closures and
 * its existing weekly timetable. Every part draws from its own stream of the seed and the
 * school's id, so a school comes out the same whatever else the county holds.
 */
final class SchoolGenerator {
    private SchoolGenerator() {
    }

    static School generate(BlueprintSchool school, BellSchedule bells, TermCalendar countyCalendar, long seed) {
        String id = school.id();
        List<SchoolClass> classes = ClassPlan.classes(school, Seeds.random(seed, id, "classes"));
        Staffing.Staff staff = Staffing.staff(school, classes, Seeds.random(seed, id, "teachers"));
        int periodsPerDay = bells.periods(DayOfWeek.MONDAY).size();
        List<Teacher> teachers = TeacherDuties.assign(school, staff.teachers(), periodsPerDay,
                Seeds.random(seed, id, "duties"));
        List<TimetableEntry> timetable = TimetablePlacer.place(id, classes, staff.assignments(), teachers, bells,
                Seeds.random(seed, id, "timetable"));
        TermCalendar calendar = countyCalendar.plus(ExamClosures.forSchool(Seeds.random(seed, id, "exams")));
        List<Classroom> classrooms = ClassPlan.classrooms(school, classes);
        return new School(id, school.name(), school.stage(), school.setting(), bells, calendar, classes, teachers,
                classrooms, timetable);
    }
}
