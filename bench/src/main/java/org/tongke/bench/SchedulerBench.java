package org.tongke.bench;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.County;
import org.tongke.config.generate.SampleCounties;
import org.tongke.config.validate.CountyValidator;
import org.tongke.scheduler.check.PlanChecker;
import org.tongke.scheduler.plan.PairingCompliance;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.publish.SchedulerService;
import org.tongke.scheduler.replan.Absence;
import org.tongke.scheduler.replan.PlanChange;
import org.tongke.scheduler.replan.Replanner;
import org.tongke.scheduler.solver.LessonUnit;
import org.tongke.scheduler.solver.TimetableSolver;
import org.tongke.scheduler.solver.UnitFactory;

/**
 * How fast and how well the scheduler builds the one timetable, on the Qingtian sample and on a
 * synthetic county of 200 schools with over 1,000 weekly lessons to place; the baseline is a
 * greedy first fit (each lesson at its first time free of conflicts), scored by the same rules
 * in the same run. Every plan goes through the plan checker.
 */
public final class SchedulerBench {
    private SchedulerBench() {
    }

    public static void main(String[] args) {
        // Load the time-zone providers (ical4j adds one that logs) before logging starts, not during.
        java.time.ZoneId.of("Asia/Shanghai").getRules();
        County qingtian = CountyValidator.validate(Path.of("..", "samples", "qingtian")).orThrow();
        Plan plan = run("Qingtian sample", qingtian, List.of(TimetableSolver.Limits.of(Duration.ofSeconds(10))));
        replanAroundAWeekAway(qingtian, plan);
        County synthetic = SampleCounties.synthetic(200, 70, 7, 5);
        run("synthetic county (200 schools, 70 communities, seed 7, 5 lessons a week each)", synthetic, List.of(
                new TimetableSolver.Limits(Duration.ofSeconds(10), Duration.ofSeconds(10)),
                new TimetableSolver.Limits(Duration.ofSeconds(30), Duration.ofSeconds(30))));
        System.out.printf("machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    /** One host teacher away for a school week: time to re-plan, and that nothing else moved. */
    private static void replanAroundAWeekAway(County county, Plan plan) {
        var lesson = plan.weekly().get(0);
        java.time.LocalDate monday = java.time.LocalDate.of(2021, 11, 22);
        Absence away = new Absence(Absence.Kind.TEACHER, lesson.host().school(), lesson.host().teacher(), monday,
                monday.plusDays(4), "外出培训");
        long start = System.nanoTime();
        Replanner.Result result = new Replanner(county).replan(plan, List.of(away));
        double ms = (System.nanoTime() - start) / 1e6;
        java.util.Set<String> changed = new java.util.HashSet<>();
        result.changes().forEach(c -> changed.add(c.occurrence()));
        var before = new java.util.HashMap<String, Object>();
        plan.occurrences().forEach(o -> before.put(o.id(), o));
        long untouchedMoved = result.plan().occurrences().stream()
                .filter(o -> !changed.contains(o.id()) && !o.equals(before.get(o.id()))).count();
        long moved = result.changes().stream().filter(c -> c.type() != PlanChange.Type.CANCELLED).count();
        System.out.printf("  re-plan, one teacher away a week   %d dated lessons touched: %d moved, %d cancelled;"
                        + " %d others changed; in %.0f ms; plan checker: %s%n", changed.size(), moved,
                changed.size() - moved, untouchedMoved, ms,
                PlanChecker.check(county, result.plan()).isEmpty() ? "no hard rule broken" : "VIOLATIONS");
    }

    private static Plan run(String name, County county, List<TimetableSolver.Limits> limits) {
        UnitFactory.Units units = UnitFactory.create(county, Map.of());
        int demanded = county.lessons().stream().mapToInt(l -> l.perWeek()).sum();
        System.out.printf("%s: %d weekly lessons demanded, %d with a possible time%n", name, demanded, units.units().size());
        long t = System.nanoTime();
        HardMediumSoftScore greedy = TimetableSolver.score(greedy(units.units()), county.weights());
        System.out.printf("  baseline greedy first fit   %-28s in %6.0f ms%n", greedy, (System.nanoTime() - t) / 1e6);
        Plan last = null;
        for (TimetableSolver.Limits limit : limits) {
            AtomicLong firstFeasible = new AtomicLong(-1);
            long start = System.nanoTime();
            Plan plan = new SchedulerService(county).solve(limit, Map.of(), p -> {
                if (p.feasible()) {
                    firstFeasible.compareAndSet(-1, p.elapsed().toMillis());
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            long meeting = plan.compliance().stream().filter(c -> c.type() != CommunityType.COLLABORATIVE)
                    .filter(PairingCompliance::meetsTargets).count();
            long withTargets = plan.compliance().stream().filter(c -> c.type() != CommunityType.COLLABORATIVE).count();
            long checkStart = System.nanoTime();
            int violations = PlanChecker.check(county, plan).size();
            double checkMs = (System.nanoTime() - checkStart) / 1e6;
            System.out.printf("  solver, limit %3d s          %-28s plan in %5.1f s; first feasible at %d ms%n",
                    limit.limit().toSeconds(), plan.score(), seconds, firstFeasible.get());
            System.out.printf("      placed %d weekly lessons (greedy %d), %d dated; pairings meeting targets %d of %d;"
                    + " plan checker (%.0f ms): %s%n", plan.weekly().size(), placed(units.units()),
                    plan.occurrences().size(), meeting, withTargets, checkMs,
                    violations == 0 ? "no hard rule broken" : violations + " VIOLATIONS");
            last = plan;
        }
        return last;
    }

    /** Each unit at its first candidate time that no unit placed before it conflicts with. */
    private static List<LessonUnit> greedy(List<LessonUnit> units) {
        List<LessonUnit> placed = new ArrayList<>();
        for (LessonUnit unit : units) {
            unit.setCandidate(null);
            for (var candidate : unit.getCandidates()) {
                unit.setCandidate(candidate);
                boolean clash = placed.stream().anyMatch(p -> p.getCandidate().slot().overlaps(candidate.slot())
                        && p.sharesResourceWith(unit) || p.swapClashesWith(unit) || unit.swapClashesWith(p));
                if (!clash) {
                    placed.add(unit);
                    break;
                }
                unit.setCandidate(null);
            }
        }
        return units;
    }

    private static long placed(List<LessonUnit> units) {
        return units.stream().filter(u -> u.getCandidate() != null).count();
    }
}
