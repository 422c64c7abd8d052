package org.tongke.scheduler.ical;

import java.util.function.Predicate;
import org.tongke.config.county.County;
import org.tongke.config.requirement.TeacherRef;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.config.school.Teacher;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.ResearchSession;

/**
 * Whose feed it is: its name (X-WR-CALNAME), which rooms of a lesson are the viewer's, and which
 * research teachers are. Ids are checked against the county when the scope is made, so an unknown
 * id fails with its name before anything is rendered.
 */
record FeedScope(String name, Predicate<Participant> mine, Predicate<TeacherRef> researcher) {

    static FeedScope school(County county, String schoolId) {
        School school = findSchool(county, schoolId);
        return new FeedScope(school.name(), p -> p.school().equals(schoolId), t -> t.school().equals(schoolId));
    }

    static FeedScope teacher(County county, String schoolId, String teacherId) {
        School school = findSchool(county, schoolId);
        Teacher teacher = school.teacher(teacherId).orElseThrow(() -> new IllegalArgumentException(
                "unknown teacher '" + teacherId + "' at " + school.name() + " (" + schoolId + ")"));
        return new FeedScope(teacher.name() + "（" + school.name() + "）",
                p -> p.school().equals(schoolId) && teacherId.equals(p.teacher()),
                t -> t.school().equals(schoolId) && t.teacher().equals(teacherId));
    }

    /** Only recording classrooms (录播教室) hold lessons; any other room is refused as a mistake. */
    static FeedScope classroom(County county, String schoolId, String classroomId) {
        School school = findSchool(county, schoolId);
        Classroom room = school.classroom(classroomId).orElseThrow(() -> new IllegalArgumentException(
                "unknown classroom '" + classroomId + "' at " + school.name() + " (" + schoolId + ")"));
        if (!room.recording()) {
            throw new IllegalArgumentException(room.name() + " (" + classroomId + ") at " + school.name()
                    + " (" + schoolId + ") is not a recording classroom");
        }
        return new FeedScope(school.name() + " " + room.name(),
                p -> p.school().equals(schoolId) && classroomId.equals(p.classroom()), t -> false);
    }

    boolean includes(Occurrence occurrence) {
        return occurrence.participants().stream().anyMatch(mine);
    }

    boolean includes(ResearchSession session) {
        return session.participants().stream().anyMatch(researcher);
    }

    /** The viewer's own room of a lesson this scope includes: where LOCATION points. */
    Participant room(Occurrence occurrence) {
        return occurrence.participants().stream().filter(mine).findFirst().orElseThrow();
    }

    private static School findSchool(County county, String schoolId) {
        return county.school(schoolId).orElseThrow(() -> new IllegalArgumentException(
                "unknown school '" + schoolId + "' in county " + county.name() + " (" + county.id() + ")"));
    }
}
