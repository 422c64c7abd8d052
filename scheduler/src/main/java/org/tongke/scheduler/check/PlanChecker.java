package org.tongke.scheduler.check;

import java.util.List;
import org.tongke.config.county.County;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchSession;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * Lists every hard rule a plan breaks, judged from the county configuration alone and never from
 * the solver's own constraints, so that the two can catch each other's mistakes. Build one per
 * county and check as many plans against it as needed (a manual move checks a plan each time).
 *
 * <p>A rule that depends only on the weekly pattern (periods, own timetable and swaps, requirement,
 * weekly unavailability) is reported once, against the weekly lesson; rules of a date are
 * reported against the occurrence, research rules against the session.
 */
public final class PlanChecker {
    private final CountyIndex county;

    public PlanChecker(County county) {
        this.county = new CountyIndex(county);
    }

    /** Shorthand for a single check. */
    public static List<Violation> check(County county, Plan plan) {
        return new PlanChecker(county).check(plan);
    }

    /** Every broken hard rule, in the order weekly lessons, their swaps, occurrences, double bookings, research. */
    public List<Violation> check(Plan plan) {
        Findings found = new Findings();
        PlanIndex index = new PlanIndex(plan);
        new IdChecks(found).check(plan);
        LessonChecks lessons = new LessonChecks(county, found);
        for (WeeklyLesson w : plan.weekly()) {
            lessons.check(Placed.of(w));
        }
        SwapConflicts swaps = new SwapConflicts(county, found, plan.weekly());
        swaps.checkWeekly();
        OccurrenceChecks occurrences = new OccurrenceChecks(county, found, lessons, swaps);
        for (Occurrence o : plan.occurrences()) {
            occurrences.check(o, index.weekly(o.weekly()));
        }
        new DoubleBookings(county, found).check(index.byDate());
        ResearchChecks research = new ResearchChecks(county, index, found);
        for (ResearchSession session : plan.research()) {
            research.check(session);
        }
        return found.list();
    }
}
