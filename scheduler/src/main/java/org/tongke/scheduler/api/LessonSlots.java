package org.tongke.scheduler.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tongke.config.calendar.SlotAligner;
import org.tongke.config.county.County;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.WeeklyLesson;

/** The weekday start times at which a weekly lesson fits inside a period of every one of its schools. */
public final class LessonSlots {
    private LessonSlots() {
    }

    public static Map<DayOfWeek, List<LocalTime>> of(County county, Plan plan, String weeklyId) {
        WeeklyLesson lesson = plan.weekly().stream().filter(w -> w.id().equals(weeklyId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no weekly lesson '" + weeklyId + "' in the plan"));
        var requirement = county.lessons().stream().filter(l -> l.id().equals(lesson.requirement())).findFirst()
                .orElseThrow(() -> ApiException.notFound("no requirement '" + lesson.requirement() + "'"));
        var schools = requirement.schools().stream().map(id -> county.school(id).orElseThrow()).toList();
        Map<DayOfWeek, List<LocalTime>> starts = new TreeMap<>();
        for (var slot : SlotAligner.align(schools, requirement.durationMinutes())) {
            starts.computeIfAbsent(slot.day(), d -> new java.util.ArrayList<>()).add(slot.start());
        }
        starts.replaceAll((day, times) -> times.stream().distinct().sorted().toList());
        return starts;
    }
}
