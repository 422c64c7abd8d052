package org.tongke.recorder.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongke.config.county.Community;
import org.tongke.config.county.County;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.Teacher;

/**
 * Resolves a lesson occurrence id ({@code REQUIREMENT#N@DATE}) or a research session id to what
 * the timetable says about it: the plan's rooms, named with the county's names for schools,
 * classes, teachers and communities. Immutable; built once per plan.
 */
public final class LessonDirectory {
    private final County county;
    private final PlanFile plan;
    private final Map<String, PlanFile.Occurrence> occurrences = new LinkedHashMap<>();
    private final Map<String, PlanFile.Research> research = new LinkedHashMap<>();

    public LessonDirectory(County county, PlanFile plan) {
        this.county = county;
        this.plan = plan;
        plan.occurrences().forEach(o -> occurrences.put(o.id(), o));
        plan.research().forEach(r -> research.put(r.id(), r));
    }

    public County county() {
        return county;
    }

    public PlanFile plan() {
        return plan;
    }

    /** The lesson's metadata, or empty when the plan has no such lesson or session. */
    public Optional<LessonMetadata> find(String lessonId) {
        PlanFile.Occurrence o = occurrences.get(lessonId);
        if (o != null) {
            return Optional.of(lesson(o));
        }
        PlanFile.Research r = research.get(lessonId);
        return r == null ? Optional.empty() : Optional.of(research(r));
    }

    /**
     * The lesson's metadata; for a lesson the plan does not know (an agent's ad hoc
     * {@code start-now} recording) what the classroom's school tells, titled with the id.
     */
    public LessonMetadata describe(String lessonId, String classroom) {
        return find(lessonId).orElseGet(() -> {
            String schoolId = classroom.contains("/") ? classroom.substring(0, classroom.indexOf('/')) : classroom;
            Optional<Community> community = county.communities().stream().filter(c -> c.includes(schoolId)).findFirst();
            Room room = new Room(Room.Role.HOST, schoolId, schoolName(schoolId), null, null, null, null);
            return new LessonMetadata(lessonId, lessonId, community.map(Community::id).orElse(null),
                    community.map(Community::name).orElse(null), null, null, 0, null, null, null, List.of(room));
        });
    }

    private LessonMetadata lesson(PlanFile.Occurrence o) {
        List<Room> rooms = new ArrayList<>();
        rooms.add(room(Room.Role.HOST, o.host()));
        o.receivers().forEach(p -> rooms.add(room(Room.Role.RECEIVER, p)));
        int grade = o.host() == null ? 0 : grade(o.host().school(), o.host().classId());
        String title = Optional.ofNullable(Grades.chinese(grade)).orElse("") + o.subject();
        return new LessonMetadata(o.id(), title, o.community(), communityName(o.community()),
                LessonKind.fromWord(o.kind()).orElse(null), o.subject(), grade, date(o.date()), time(o.start()),
                time(o.end()), rooms);
    }

    private LessonMetadata research(PlanFile.Research r) {
        List<Room> rooms = r.participants().stream()
                .map(m -> new Room(Room.Role.PARTICIPANT, m.school(), schoolName(m.school()), null, null, m.teacher(),
                        teacherName(m.school(), m.teacher())))
                .toList();
        return new LessonMetadata(r.id(), r.subject() + "教研", r.community(), communityName(r.community()),
                LessonKind.RESEARCH, r.subject(), 0, date(r.date()), time(r.start()), time(r.end()), rooms);
    }

    private Room room(Room.Role role, PlanFile.Participant p) {
        String className = county.school(p.school()).flatMap(s -> s.schoolClass(p.classId())).map(SchoolClass::name)
                .orElse(p.className());
        return new Room(role, p.school(), Optional.ofNullable(p.schoolName()).orElse(schoolName(p.school())),
                p.classId(), className, p.teacher(), teacherName(p.school(), p.teacher()));
    }

    private String schoolName(String schoolId) {
        return county.school(schoolId).map(School::name).orElse(schoolId);
    }

    private String teacherName(String schoolId, String teacherId) {
        if (teacherId == null) {
            return null;
        }
        return county.school(schoolId).flatMap(s -> s.teacher(teacherId)).map(Teacher::name).orElse(teacherId);
    }

    private String communityName(String communityId) {
        return communityId == null ? null : county.community(communityId).map(Community::name).orElse(communityId);
    }

    private int grade(String schoolId, String classId) {
        return county.school(schoolId).flatMap(s -> s.schoolClass(classId)).map(SchoolClass::grade).orElse(0);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }
}
