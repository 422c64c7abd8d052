package org.tongke.signaling.schedule;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.tongke.config.plan.PlanReloads;
import org.tongke.config.plan.PlanSource;
import org.tongke.config.plan.PlanTarget;

/**
 * The signaling server's side of following a plan ({@code org.tongke.config.plan}): its plan
 * read by {@link PlanReader}, only the dated lessons asked of the scheduler, and the
 * {@link Timetable} as the target of each reload.
 */
public final class TimetablePlans {
    /** The scheduler API's lists the server reads. */
    public static final String PARTS = "occurrences";

    private TimetablePlans() {
    }

    public static PlanSource<LoadedPlan> file(Path file) {
        return PlanSource.file(file, PlanReader::read);
    }

    public static PlanSource<LoadedPlan> scheduler(URI base) {
        return PlanSource.scheduler(base, PARTS, PlanReader::read);
    }

    public static PlanReloads<LoadedPlan> reloads(PlanSource<LoadedPlan> source, Timetable timetable, Clock clock) {
        return new PlanReloads<>(source, target(timetable), clock);
    }

    static PlanTarget<LoadedPlan> target(Timetable timetable) {
        return new PlanTarget<>() {
            @Override
            public Optional<String> county() {
                return timetable.county();
            }

            @Override
            public void replace(LoadedPlan plan) {
                timetable.replace(plan);
            }

            @Override
            public Long version(LoadedPlan plan) {
                return plan.version();
            }
        };
    }
}
