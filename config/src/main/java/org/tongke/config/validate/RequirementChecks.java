package org.tongke.config.validate;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.tongke.config.calendar.Period;
import org.tongke.config.county.Community;
import org.tongke.config.diagnostic.SourceIndex;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.requirement.TeacherRef;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;

/** Checks that what the communities require names real schools, classes and teachers, and can fit. */
final class RequirementChecks {
    private final Checks checks;

    RequirementChecks(Checks checks) {
        this.checks = checks;
    }

    void run() {
        UniqueIds.check(checks, checks.county().lessons(), LessonRequirement::id, "lesson requirement");
        UniqueIds.check(checks, checks.county().research(), ResearchRequirement::id, "research requirement");
        checks.county().lessons().forEach(this::checkLesson);
        Set<String> lessonIds = new HashSet<>();
        checks.county().lessons().forEach(l -> lessonIds.add(l.id()));
        checks.county().research().forEach(r -> checkResearch(r, lessonIds));
    }

    private void checkLesson(LessonRequirement lesson) {
        Optional<Community> community = community(lesson, lesson.community());
        Optional<SchoolClass> hostClass = classOf(lesson.host(), lesson.subject(), "teacher", community);
        for (ClassRef receiver : lesson.receivers()) {
            if (receiver.school().equals(lesson.host().school())) {
                checks.error(receiver, "school", "a receiving class must be at another school than the host");
                continue;
            }
            Optional<SchoolClass> received = classOf(receiver, null, "assistant", community);
            if (hostClass.isPresent() && received.isPresent() && hostClass.get().grade() != received.get().grade()) {
                checks.warning(receiver, "class", "grade " + received.get().grade()
                        + " receives a lesson taught to grade " + hostClass.get().grade());
            }
        }
        if (lesson.receivers().isEmpty()) {
            checks.error(lesson, "receivers", "a lesson across schools needs at least one receiving class");
        }
        for (String schoolId : lesson.schools()) {
            checks.county().school(schoolId).ifPresent(s -> fitsAPeriod(lesson, s));
        }
    }

    private void fitsAPeriod(LessonRequirement lesson, School school) {
        int longest = school.bellSchedule().days().values().stream().flatMap(java.util.List::stream)
                .mapToInt(Period::minutes).max().orElse(0);
        if (longest > 0 && longest < lesson.durationMinutes()) {
            checks.error(lesson, "duration", "no period at " + SchoolNames.of(school) + " is "
                    + lesson.durationMinutes() + " minutes long (longest: " + longest + ")");
        }
    }

    private Optional<Community> community(Object owner, String communityId) {
        Optional<Community> community = checks.county().community(communityId);
        if (community.isEmpty() && checks.absent(SourceIndex.COMMUNITY, "", communityId)) {
            checks.error(owner, "community", "no community '" + communityId + "' in communities.yaml");
        }
        return community;
    }

    private Optional<SchoolClass> classOf(ClassRef ref, String subject, String teacherKey, Optional<Community> community) {
        Optional<School> school = checks.county().school(ref.school());
        if (school.isEmpty()) {
            if (checks.absent(SourceIndex.SCHOOL, "", ref.school())) {
                checks.error(ref, "school", "no school '" + ref.school() + "'");
            }
            return Optional.empty();
        }
        if (community.isPresent() && !community.get().includes(ref.school())) {
            checks.error(ref, "school", SchoolNames.of(school.get()) + " is not in community '"
                    + community.get().id() + "' (" + community.get().name() + ")");
        }
        Optional<SchoolClass> schoolClass = school.get().schoolClass(ref.classId());
        if (schoolClass.isEmpty() && checks.absent(SourceIndex.CLASS, ref.school(), ref.classId())) {
            checks.error(ref, "class", "no class '" + ref.classId() + "' at " + SchoolNames.of(school.get()));
        }
        if (ref.teacher() != null) {
            var teacher = school.get().teacher(ref.teacher());
            if (teacher.isEmpty()) {
                if (checks.absent(SourceIndex.TEACHER, ref.school(), ref.teacher())) {
                    checks.error(ref, teacherKey, "no teacher '" + ref.teacher() + "' at " + SchoolNames.of(school.get()));
                }
            } else if (subject != null && !teacher.get().teaches(subject)) {
                checks.error(ref, teacherKey, "teacher '" + ref.teacher() + "' does not teach " + subject
                        + " (teaches " + String.join(", ", teacher.get().subjects()) + ")");
            }
        }
        return schoolClass;
    }

    private void checkResearch(ResearchRequirement research, Set<String> lessonIds) {
        Optional<Community> community = community(research, research.community());
        if (research.onlinePerTerm() + research.offlinePerTerm() == 0) {
            checks.warning(research, null, "asks for no sessions (onlinePerTerm and offlinePerTerm are both 0)");
        }
        for (TeacherRef p : research.participants()) {
            Optional<School> school = checks.county().school(p.school());
            if (school.isEmpty()) {
                if (checks.absent(SourceIndex.SCHOOL, "", p.school())) {
                    checks.error(p, "school", "no school '" + p.school() + "'");
                }
            } else if (school.get().teacher(p.teacher()).isEmpty()) {
                if (checks.absent(SourceIndex.TEACHER, p.school(), p.teacher())) {
                    checks.error(p, "teacher", "no teacher '" + p.teacher() + "' at " + SchoolNames.of(school.get()));
                }
            } else if (community.isPresent() && !community.get().includes(p.school())) {
                checks.error(p, "school", SchoolNames.of(school.get()) + " is not in community '"
                        + community.get().id() + "'");
            }
        }
        for (int i = 0; i < research.follows().size(); i++) {
            String lessonId = research.follows().get(i);
            if (!lessonIds.contains(lessonId) && checks.absent(SourceIndex.LESSON, "", lessonId)) {
                checks.error(research, "follows[" + i + "]", "no lesson requirement '" + lessonId + "'");
            }
        }
    }
}
