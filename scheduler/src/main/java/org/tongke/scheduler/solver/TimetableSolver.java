package org.tongke.scheduler.solver;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tongke.config.county.SchedulingWeights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the constraint solver on a set of units for at most a time limit, stopping sooner when
 * the best score has not improved for a while, and reports each new best score as it comes.
 * Blocking: call it off any event loop.
 */
public final class TimetableSolver {
    private static final Logger LOG = LoggerFactory.getLogger(TimetableSolver.class);

    /** How long to search: at most {@code limit}, and no longer than {@code unimproved} without progress. */
    public record Limits(Duration limit, Duration unimproved) {
        private static final long MIN_UNIMPROVED_MS = 1_000;
        private static final long MAX_UNIMPROVED_MS = 5_000;

        /** Up to {@code limit}; a tenth of it (1 to 5 s) without a better plan ends the search. */
        public static Limits of(Duration limit) {
            long unimproved = Math.max(MIN_UNIMPROVED_MS, Math.min(MAX_UNIMPROVED_MS, limit.toMillis() / 10));
            return new Limits(limit, Duration.ofMillis(Math.min(unimproved, limit.toMillis())));
        }
    }

    /** A new best score, and how long the search has run. */
    public record Progress(String score, boolean feasible, Duration elapsed) {
    }

    private TimetableSolver() {
    }

    public static SyncTimetable solve(UnitFactory.Units units, SchedulingWeights weights, Limits limits,
                                      Consumer<Progress> progress) {
        return solve(units, weights, limits, progress, new StopSwitch());
    }

    /** Lets another thread end a search early; the best plan found so far is kept. */
    public static final class StopSwitch {
        private volatile Solver<?> solver;
        private volatile boolean stopped;

        public void stop() {
            stopped = true;
            Solver<?> running = solver;
            if (running != null) {
                running.terminateEarly();
            }
        }

        public boolean stopped() {
            return stopped;
        }

        void attach(Solver<?> running) {
            solver = running;
            if (stopped) {
                running.terminateEarly();
            }
        }
    }

    public static SyncTimetable solve(UnitFactory.Units units, SchedulingWeights weights, Limits limits,
                                      Consumer<Progress> progress, StopSwitch stop) {
        SolverConfig config = config().withTerminationConfig(new TerminationConfig()
                .withSpentLimit(limits.limit())
                .withUnimprovedSpentLimit(limits.unimproved()));
        Solver<SyncTimetable> solver = SolverFactory.<SyncTimetable>create(config).buildSolver();
        stop.attach(solver);
        long started = System.nanoTime();
        solver.addEventListener(event -> {
            HardMediumSoftScore score = event.getNewBestSolution().getScore();
            progress.accept(new Progress(score.toString(), score.isFeasible(),
                    Duration.ofNanos(System.nanoTime() - started)));
        });
        SyncTimetable best = solver.solve(new SyncTimetable(units.units(), overrides(weights)));
        LOG.info("Solved {} weekly lessons in {} ms: {}", units.units().size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), best.getScore());
        return best;
    }

    /** Scores a timetable placed by other means (a baseline, a manual move) by the same rules. */
    public static HardMediumSoftScore score(List<LessonUnit> units, SchedulingWeights weights) {
        SolverFactory<SyncTimetable> factory = SolverFactory.create(config());
        SolutionManager<SyncTimetable, HardMediumSoftScore> manager = SolutionManager.create(factory);
        return manager.update(new SyncTimetable(units, overrides(weights)));
    }

    private static SolverConfig config() {
        return new SolverConfig()
                .withSolutionClass(SyncTimetable.class)
                .withEntityClasses(LessonUnit.class)
                .withConstraintProviderClass(SyncLessonConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT);
    }

    static ConstraintWeightOverrides<HardMediumSoftScore> overrides(SchedulingWeights weights) {
        return ConstraintWeightOverrides.of(Map.of(
                SyncLessonConstraints.SPREAD_OVER_DAYS, HardMediumSoftScore.ofSoft(weights.spreadOverDays()),
                SyncLessonConstraints.FEWEST_CHANGES, HardMediumSoftScore.ofSoft(weights.fewestChanges()),
                SyncLessonConstraints.OWN_SUBJECT_PERIOD, HardMediumSoftScore.ofSoft(weights.ownSubjectPeriod()),
                SyncLessonConstraints.RURAL_EDGE_PERIODS, HardMediumSoftScore.ofSoft(weights.ruralEdgePeriods())));
    }
}
