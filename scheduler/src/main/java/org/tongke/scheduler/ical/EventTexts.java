package org.tongke.scheduler.ical;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.tongke.config.county.Community;
import org.tongke.config.county.County;
import org.tongke.config.requirement.TeacherRef;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.config.school.Teacher;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.ResearchSession;

/**
 * The words of an event, in Chinese for the teachers and staff who read them: summaries, rooms
 * and the period a lesson takes at each school (bell schedules differ, so each room gets its own
 * line). Names the plan does not carry (teachers, classrooms, communities) come from the county;
 * an id the county does not know is shown as the id rather than failing the whole feed.
 */
final class EventTexts {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final County county;

    EventTexts(County county) {
        this.county = county;
    }

    /** {@code 同步课堂 数学 · 城西小学 四年级(1)班 → 祯埠镇小 四年级(1)班}. */
    String summary(Occurrence o) {
        String receivers = o.receivers().stream().map(EventTexts::classAt).collect(Collectors.joining("、"));
        return o.kind().chinese() + " " + o.subject() + " · " + classAt(o.host()) + " → " + receivers;
    }

    /** {@code 祯埠镇小 录播教室}: the school and recording classroom of one room. */
    String location(Participant room) {
        return room.schoolName() + " " + classroomName(room.school(), room.classroom());
    }

    /**
     * One line per room, host first: {@code 主讲：城西小学 四年级(1)班，王芳，录播教室，第5节 13:30-14:10};
     * for a lesson a re-plan moved, a last line with where it was and why, since a calendar shows
     * only the new time.
     */
    String description(Occurrence o) {
        StringBuilder text = new StringBuilder(roomLine("主讲", o.host()));
        for (Participant receiver : o.receivers()) {
            text.append('\n').append(roomLine("接收", receiver));
        }
        Occurrence.Moved moved = o.moved();
        if (moved != null) {
            text.append("\n调课：原定 ").append(moved.fromDate()).append(' ').append(time(moved.fromStart()))
                    .append("，").append(moved.reason());
        }
        return text.toString();
    }

    /** {@code 网络研修 数学} or {@code 线下教研 数学}. */
    String summary(ResearchSession s) {
        return mode(s) + " " + s.subject();
    }

    String mode(ResearchSession s) {
        return s.mode() == ResearchSession.Mode.ONLINE ? "网络研修" : "线下教研";
    }

    String description(ResearchSession s) {
        String teachers = s.participants().stream().map(this::teacherAt).collect(Collectors.joining("、"));
        String text = communityName(s.community()) + "\n参加：" + teachers;
        return s.location() == null ? text : text + "\n地点：" + s.location();
    }

    String teacherName(String schoolId, String teacherId) {
        return county.school(schoolId).flatMap(school -> school.teacher(teacherId)).map(Teacher::name)
                .orElse(teacherId);
    }

    String schoolName(String schoolId) {
        return county.school(schoolId).map(School::name).orElse(schoolId);
    }

    String communityName(String communityId) {
        return county.community(communityId).map(Community::name).orElse(communityId);
    }

    private String roomLine(String role, Participant room) {
        StringBuilder line = new StringBuilder(role).append('：').append(classAt(room));
        if (room.teacher() != null) {
            line.append('，').append(teacherName(room.school(), room.teacher()));
        }
        line.append('，').append(classroomName(room.school(), room.classroom()));
        return line.append('，').append(period(room)).toString();
    }

    private String teacherAt(TeacherRef ref) {
        return schoolName(ref.school()) + " " + teacherName(ref.school(), ref.teacher());
    }

    private String classroomName(String schoolId, String classroomId) {
        if (classroomId == null) {
            return "录播教室";
        }
        return county.school(schoolId).flatMap(school -> school.classroom(classroomId)).map(Classroom::name)
                .orElse(classroomId);
    }

    private static String classAt(Participant room) {
        return room.schoolName() + " " + room.className();
    }

    /** {@code 第5节 13:30-14:10}: the period of this school's own bell schedule. */
    private static String period(Participant room) {
        return "第" + room.period() + "节 " + time(room.periodStart()) + "-" + time(room.periodEnd());
    }

    private static String time(LocalTime time) {
        return HH_MM.format(time);
    }
}
