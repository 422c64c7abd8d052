package org.tongke.scheduler.slot;

import org.tongke.config.calendar.SlotAligner;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.school.School;

/**
 * Sentences that say why a lesson has no time, naming the school, class or teacher in the
 * words staff use ({@code 五年级(1)班 of 仁庄镇小}), so that someone can act on them.
 */
public final class Explanations {
    private static final int MOST_REASONS = 3;

    private Explanations() {
    }

    public static String className(School school, String classId) {
        String name = school.schoolClass(classId).map(c -> c.name()).orElse(classId);
        return name + " of " + school.name();
    }

    public static String teacherName(School school, String teacherId) {
        String name = school.teacher(teacherId).map(t -> t.name()).orElse(teacherId);
        return name + " (" + school.name() + ")";
    }

    /** The first receiving room whose school's periods never line up with the host's. */
    static String noAlignedPeriod(LessonRequirement requirement, List<School> schools) {
        School host = schools.get(0);
        int minutes = requirement.durationMinutes();
        for (ClassRef receiver : requirement.receivers()) {
            School school = schools.stream().filter(s -> s.id().equals(receiver.school())).findFirst().orElseThrow();
            if (SlotAligner.align(List.of(host, school), minutes).isEmpty()) {
                return className(school, receiver.classId()) + " has no period that shares " + minutes
                        + " minutes with a period of " + host.name() + " on any teaching day";
            }
        }
        return "no " + minutes + "-minute time lies inside a period of every one of "
                + schools.stream().map(School::name).collect(Collectors.joining(", ")) + " at once";
    }

    /** Every aligned time is forbidden by a school's existing timetable: the commonest reasons. */
    static String allTimesTaken(int times, Map<String, Integer> refusals) {
        String reasons = refusals.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MOST_REASONS)
                .map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + " times)" : ""))
                .collect(Collectors.joining("; "));
        return "none of the " + times + " weekly times that fit every school's bell schedule is open: " + reasons;
    }
}
