package org.tongke.scheduler.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tongke.config.county.County;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.scheduler.plan.ComplianceReport;
import org.tongke.scheduler.plan.OccurrenceExpander;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchPlanner;
import org.tongke.scheduler.plan.Unplaced;
import org.tongke.scheduler.plan.WeeklyLessonFactory;
import org.tongke.scheduler.solver.SolvedUnits;
import org.tongke.scheduler.solver.TimetableSolver;
import org.tongke.scheduler.solver.UnitFactory;

/**
 * Builds the county's one timetable: finds each lesson's possible times, lets the solver choose
 * among them, then dates every lesson over the school year, plans the research sessions and
 * reports each pairing's compliance. Blocking; run it off any event loop.
 */
public final class SchedulerService {
    private final County county;

    public SchedulerService(County county) {
        this.county = county;
    }

    public County county() {
        return county;
    }

    /** {@code previous}: weekly lesson id to slot label in the published plan, to keep changes few. */
    public Plan solve(TimetableSolver.Limits limits, Map<String, String> previous,
                      Consumer<TimetableSolver.Progress> progress) {
        return solve(limits, previous, progress, new TimetableSolver.StopSwitch());
    }

    /** The same, stoppable from another thread through {@code stop}. */
    public Plan solve(TimetableSolver.Limits limits, Map<String, String> previous,
                      Consumer<TimetableSolver.Progress> progress, TimetableSolver.StopSwitch stop) {
        UnitFactory.Units units = UnitFactory.create(county, previous);
        var solved = SolvedUnits.of(TimetableSolver.solve(units, county.weights(), limits, progress, stop));
        List<Unplaced> unplaced = new ArrayList<>(units.unplaced());
        unplaced.addAll(solved.unplaced(county));
        List<WeeklyLessonFactory.Placed> placed = solved.placed().stream()
                .map(u -> new WeeklyLessonFactory.Placed(u.getId(), requirement(u.getRequirement()), u.getCandidate()))
                .toList();
        var weekly = new WeeklyLessonFactory(county).create(placed);
        var dated = new OccurrenceExpander(county).expand(weekly);
        var research = new ResearchPlanner(county).plan(dated.occurrences());
        unplaced.addAll(research.unplaced());
        var compliance = new ComplianceReport(county).report(dated.occurrences(), research.sessions());
        unplaced.sort(java.util.Comparator.comparing(Unplaced::weekly));
        return new Plan(county.id(), solved.score(), weekly, dated.occurrences(), dated.cancellations(),
                research.sessions(), unplaced, compliance);
    }

    private LessonRequirement requirement(String id) {
        return county.lessons().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }
}
