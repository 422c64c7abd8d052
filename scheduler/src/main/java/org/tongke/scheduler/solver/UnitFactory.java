package org.tongke.scheduler.solver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongke.config.county.County;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.scheduler.plan.Unplaced;
import org.tongke.scheduler.plan.WeeklyLesson;
import org.tongke.scheduler.slot.CandidateFinder;

/**
 * Turns the county's lesson requirements into solver units: one per weekly lesson, with the
 * times it may take and the people and rooms it occupies. A requirement with no possible time
 * becomes unplaced at once, with the reason.
 */
public final class UnitFactory {
    /** The units to solve and the lessons that have no time at all. */
    public record Units(List<LessonUnit> units, List<Unplaced> unplaced) {
    }

    private UnitFactory() {
    }

    /** {@code previous} maps a weekly lesson id to the slot label it had in the published plan. */
    public static Units create(County county, Map<String, String> previous) {
        CandidateFinder finder = new CandidateFinder(county);
        List<LessonUnit> units = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (LessonRequirement requirement : county.lessons()) {
            CandidateFinder.Result found = finder.find(requirement);
            Set<String> resources = resources(requirement);
            for (int i = 1; i <= requirement.perWeek(); i++) {
                String id = WeeklyLesson.id(requirement.id(), i);
                if (found.candidates().isEmpty()) {
                    unplaced.add(new Unplaced(id, requirement.id(), requirement.community(), found.whyNone()));
                } else {
                    units.add(new LessonUnit(id, requirement.id(), found.candidates(), resources, previous.get(id)));
                }
            }
        }
        return new Units(units, unplaced);
    }

    /** Every teacher and class of the lesson; its recording classrooms come with each candidate time. */
    static Set<String> resources(LessonRequirement requirement) {
        Set<String> resources = new HashSet<>();
        List<ClassRef> rooms = new ArrayList<>(requirement.receivers());
        rooms.add(0, requirement.host());
        for (ClassRef room : rooms) {
            resources.add("class:" + room.school() + "/" + room.classId());
            if (room.teacher() != null) {
                resources.add("teacher:" + room.school() + "/" + room.teacher());
            }
        }
        return resources;
    }
}
