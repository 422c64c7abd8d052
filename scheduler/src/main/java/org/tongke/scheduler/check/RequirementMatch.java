package org.tongke.scheduler.check;

import java.time.Duration;
import java.util.Optional;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.Teacher;
import org.tongke.scheduler.plan.Participant;

/**
 * A placed lesson is the lesson its requirement asks for: the same community, kind, subject and
 * length, the host class and lead teacher first, exactly the receiving classes with their
 * assistant teachers; and every school, class and teacher it names exists under that name.
 */
final class RequirementMatch {
    private final CountyIndex county;
    private final Findings found;

    RequirementMatch(CountyIndex county, Findings found) {
        this.county = county;
        this.found = found;
    }

    void check(Placed lesson) {
        lesson.participants().forEach(p -> checkReferences(lesson, p));
        Optional<LessonRequirement> requirement = county.lesson(lesson.requirement());
        if (requirement.isEmpty()) {
            found.add(Rule.REQUIREMENT, lesson.id(), "names lesson requirement '%s', which is not in the configuration",
                    lesson.requirement());
            return;
        }
        LessonRequirement req = requirement.get();
        checkAttributes(lesson, req);
        checkHost(lesson, req);
        checkReceivers(lesson, req);
    }

    private void checkReferences(Placed lesson, Participant p) {
        Optional<School> school = county.school(p.school());
        if (school.isEmpty()) {
            found.add(Rule.REQUIREMENT, lesson.id(), "names school '%s', which is not in the configuration",
                    p.school());
            return;
        }
        String name = school.get().name();
        if (!name.equals(p.schoolName())) {
            found.add(Rule.REQUIREMENT, lesson.id(), "calls %s '%s'", name, p.schoolName());
        }
        Optional<SchoolClass> cls = county.schoolClass(p.school(), p.classId());
        if (cls.isEmpty()) {
            found.add(Rule.REQUIREMENT, lesson.id(), "names class '%s' at %s, which is not in the configuration",
                    p.classId(), name);
        } else if (!cls.get().name().equals(p.className())) {
            found.add(Rule.REQUIREMENT, lesson.id(), "calls %s of %s '%s'", cls.get().name(), name, p.className());
        }
        if (p.teacher() != null && county.teacher(p.school(), p.teacher()).isEmpty()) {
            found.add(Rule.REQUIREMENT, lesson.id(), "names teacher '%s' at %s, which is not in the configuration",
                    p.teacher(), name);
        }
    }

    private void checkAttributes(Placed lesson, LessonRequirement req) {
        differs(lesson, req, "community", req.community(), lesson.community());
        differs(lesson, req, "kind", req.kind().key(), lesson.kind() == null ? null : lesson.kind().key());
        differs(lesson, req, "subject", req.subject(), lesson.subject());
        if (lesson.timed()) {
            long minutes = Duration.between(lesson.start(), lesson.end()).toMinutes();
            if (minutes != req.durationMinutes()) {
                found.add(Rule.REQUIREMENT, lesson.id(), "lasts %d minutes (%s), but %s asks for %d", minutes,
                        lesson.time(), req.id(), req.durationMinutes());
            }
        }
    }

    private void differs(Placed lesson, LessonRequirement req, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            found.add(Rule.REQUIREMENT, lesson.id(), "has %s %s, but %s has %s", what, actual, req.id(), expected);
        }
    }

    private void checkHost(Placed lesson, LessonRequirement req) {
        Participant host = lesson.host();
        ClassRef wanted = req.host();
        if (!sameClass(wanted, host)) {
            found.add(Rule.REQUIREMENT, lesson.id(), "%s is hosted by %s, not %s", req.id(),
                    county.classLabel(wanted.school(), wanted.classId()),
                    county.classLabel(host.school(), host.classId()));
            return;
        }
        if (wanted.teacher() != null && !wanted.teacher().equals(host.teacher())) {
            found.add(Rule.REQUIREMENT, lesson.id(), "%s's lead teacher is %s, not %s", req.id(),
                    county.teacherLabel(wanted.school(), wanted.teacher()), teacher(host));
        }
        Optional<Teacher> lead = county.teacher(host.school(), host.teacher());
        if (lead.isPresent() && !lead.get().teaches(req.subject())) {
            found.add(Rule.REQUIREMENT, lesson.id(), "%s does not teach %s (teaches %s)", teacher(host), req.subject(),
                    String.join(", ", lead.get().subjects()));
        }
    }

    private void checkReceivers(Placed lesson, LessonRequirement req) {
        for (ClassRef wanted : req.receivers()) {
            Optional<Participant> room = lesson.receivers().stream().filter(p -> sameClass(wanted, p)).findFirst();
            if (room.isEmpty()) {
                found.add(Rule.REQUIREMENT, lesson.id(), "%s's receiving class %s is missing", req.id(),
                        county.classLabel(wanted.school(), wanted.classId()));
            } else if (wanted.teacher() != null && !wanted.teacher().equals(room.get().teacher())) {
                found.add(Rule.REQUIREMENT, lesson.id(), "%s's assistant teacher for %s is %s, not %s", req.id(),
                        county.classLabel(wanted.school(), wanted.classId()),
                        county.teacherLabel(wanted.school(), wanted.teacher()), teacher(room.get()));
            }
        }
        for (Participant p : lesson.receivers()) {
            if (req.receivers().stream().noneMatch(wanted -> sameClass(wanted, p))) {
                found.add(Rule.REQUIREMENT, lesson.id(), "%s receives the lesson, but %s does not name it",
                        county.classLabel(p.school(), p.classId()), req.id());
            }
        }
    }

    private static boolean sameClass(ClassRef ref, Participant p) {
        return ref.school().equals(p.school()) && ref.classId().equals(p.classId());
    }

    private String teacher(Participant p) {
        return p.teacher() == null ? "no teacher" : county.teacherLabel(p.school(), p.teacher());
    }
}
