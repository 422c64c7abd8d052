package org.tongke.scheduler.replan;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongke.config.calendar.SlotAligner;
import org.tongke.config.calendar.WeeklySlot;
import org.tongke.config.county.County;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.scheduler.check.PlanChecker;
import org.tongke.scheduler.check.Violation;
import org.tongke.scheduler.plan.Cancellation;
import org.tongke.scheduler.plan.ComplianceReport;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.OccurrenceExpander;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.WeeklyLesson;
import org.tongke.scheduler.plan.WeeklyLessonFactory;
import org.tongke.scheduler.slot.Candidate;
import org.tongke.scheduler.slot.CandidateFinder;

/**
 * A staff member moves one weekly lesson to another weekday and start time. The answer is the
 * plan with the lesson moved and re-dated, and every hard rule the move would break (judged by
 * the plan checker, as any plan is); a caller saves the plan only when there are none.
 */
public final class ManualMove {
    private final County county;

    /** The plan as it would be, and what it would break; empty conflicts mean it may be saved. */
    public record Result(Plan plan, List<String> conflicts) {
        public boolean accepted() {
            return conflicts.isEmpty();
        }
    }

    public ManualMove(County county) {
        this.county = county;
    }

    public Result move(Plan plan, String weeklyId, DayOfWeek day, LocalTime start) {
        return move(plan, weeklyId, day, start, List.of());
    }

    /** The same, with the recorded absences applied again to the moved lesson's new dates. */
    public Result move(Plan plan, String weeklyId, DayOfWeek day, LocalTime start, List<Absence> absences) {
        WeeklyLesson current = plan.weekly().stream().filter(w -> w.id().equals(weeklyId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no weekly lesson '" + weeklyId + "' in the plan"));
        LessonRequirement requirement = county.lessons().stream().filter(l -> l.id().equals(current.requirement()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the configuration has no requirement '"
                        + current.requirement() + "' for weekly lesson " + weeklyId));
        var schools = requirement.schools().stream().map(id -> county.school(id).orElseThrow()).toList();
        Optional<WeeklySlot> slot = SlotAligner.align(schools, requirement.durationMinutes()).stream()
                .filter(s -> s.day() == day && s.start().equals(start)).findFirst();
        if (slot.isEmpty()) {
            return new Result(plan, List.of("at " + day.name().toLowerCase() + " " + start + " the "
                    + requirement.durationMinutes() + "-minute lesson does not lie inside a period of every one of "
                    + String.join(", ", schools.stream().map(s -> s.name()).toList())));
        }
        CandidateFinder.Result found = new CandidateFinder(county).at(requirement, slot.get());
        if (found.candidates().isEmpty()) {
            return new Result(plan, List.of(found.whyNone()));
        }
        Candidate chosen = found.candidates().stream()
                .min(Comparator.comparingInt(c -> c.rooms().equals(roomsOf(current)) ? 0 : 1)).orElseThrow();
        WeeklyLesson moved = new WeeklyLessonFactory(county).lesson(new WeeklyLessonFactory.Placed(weeklyId, requirement, chosen));
        Plan after = replaced(plan, current, moved);
        if (!absences.isEmpty()) {
            after = new Replanner(county).replan(after, absences).plan();
        }
        return new Result(after, condensed(PlanChecker.check(county, after)));
    }

    /** One line per kind of clash: the same clash every week reads once, with how many dates it hits. */
    static List<String> condensed(List<Violation> violations) {
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, Integer> dates = new HashMap<>();
        for (Violation v : violations) {
            String key = v.toString().replaceAll("\\d{4}-\\d{2}-\\d{2}", "*");
            first.putIfAbsent(key, v.toString());
            dates.merge(key, 1, Integer::sum);
        }
        return first.entrySet().stream().map(e -> dates.get(e.getKey()) > 1
                ? e.getValue() + " (and on " + (dates.get(e.getKey()) - 1) + " more dates)" : e.getValue()).toList();
    }

    private static List<String> roomsOf(WeeklyLesson lesson) {
        return lesson.participants().stream().map(p -> p.school() + "/" + p.classroom()).toList();
    }

    private Plan replaced(Plan plan, WeeklyLesson before, WeeklyLesson after) {
        List<WeeklyLesson> weekly = new ArrayList<>(plan.weekly());
        weekly.set(weekly.indexOf(before), after);
        var dated = new OccurrenceExpander(county).expand(List.of(after));
        List<Occurrence> occurrences = new ArrayList<>(plan.occurrences());
        occurrences.removeIf(o -> o.weekly().equals(before.id()));
        occurrences.addAll(dated.occurrences());
        List<Cancellation> cancellations = new ArrayList<>(plan.cancellations());
        cancellations.removeIf(c -> c.weekly().equals(before.id()));
        cancellations.addAll(dated.cancellations());
        var compliance = new ComplianceReport(county).report(occurrences, plan.research());
        return new Plan(plan.county(), plan.score(), weekly, occurrences, cancellations, plan.research(),
                plan.unplaced(), compliance);
    }
}
