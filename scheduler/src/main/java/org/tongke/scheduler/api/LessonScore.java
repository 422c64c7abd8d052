package org.tongke.scheduler.api;

import java.util.ArrayList;
import java.util.List;
import org.tongke.config.county.County;
import org.tongke.config.county.SchedulingWeights;
import org.tongke.config.school.Setting;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * What one weekly lesson costs against each soft goal, by the same counting as the solver's
 * constraints and the configuration's weights, so staff see why it sits where it does.
 */
public record LessonScore(String weekly, int softPenalty, List<Part> parts) {
    public record Part(String goal, int count, int weight, int penalty, String why) {
    }

    public static LessonScore of(County county, Plan plan, String weeklyId) {
        WeeklyLesson lesson = plan.weekly().stream().filter(w -> w.id().equals(weeklyId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("no weekly lesson '" + weeklyId + "' in the plan"));
        SchedulingWeights w = county.weights();
        List<Part> parts = new ArrayList<>();
        long sameDay = plan.weekly().stream().filter(o -> o != lesson && o.requirement().equals(lesson.requirement())
                && o.day() == lesson.day()).count();
        parts.add(part("spread over days", (int) sameDay, w.spreadOverDays(),
                sameDay + " other lesson(s) of " + lesson.requirement() + " on " + lesson.day().name().toLowerCase()));
        long notOwn = lesson.receivers().stream().filter(r -> r.displaces() != Participant.Displaces.SAME_SUBJECT).count();
        parts.add(part("receiving class's own period", (int) notOwn, w.ownSubjectPeriod(),
                notOwn + " receiving class(es) give up self-study or a free period instead of their own " + lesson.subject()));
        int edges = 0;
        for (Participant p : lesson.participants()) {
            var school = county.school(p.school())
                    .orElseThrow(() -> ApiException.notFound("no school '" + p.school() + "' in the configuration"));
            int last = school.bellSchedule().periods(lesson.day()).size();
            if (school.setting() == Setting.RURAL && (p.period() == 1 || p.period() == last)) {
                edges++;
            }
        }
        parts.add(part("rural first and last periods", edges, w.ruralEdgePeriods(),
                edges + " rural room(s) in their first or last period"));
        return new LessonScore(weeklyId, parts.stream().mapToInt(Part::penalty).sum(), parts);
    }

    private static Part part(String goal, int count, int weight, String why) {
        return new Part(goal, count, weight, count * weight, why);
    }
}
