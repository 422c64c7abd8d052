package org.tongke.platform.signaling;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.county.County;
import org.tongke.config.plan.PlanReloads;
import org.tongke.config.plan.PlanSource;
import org.tongke.config.plan.RedisPlanEvents;
import org.tongke.platform.config.CountyArgument;
import org.tongke.signaling.schedule.CountyClassrooms;
import org.tongke.signaling.schedule.KnownClassroom;
import org.tongke.signaling.schedule.LoadedPlan;
import org.tongke.signaling.schedule.Timetable;
import org.tongke.signaling.schedule.TimetablePlans;

/**
 * The timetable of {@code signaling serve}: the county's classrooms ({@code --config}), the plan
 * read at start ({@code --scheduler}, else or failing that {@code --plan-file}), reloads on each
 * plan event ({@code --redis}). The in-process seam is {@link #reloads()}: a JVM that also runs
 * the scheduler connects it to the scheduler's publisher with {@link InProcessPlanEvents}.
 */
public record TimetableSetup(Timetable timetable, PlanReloads<LoadedPlan> reloads, RedisPlanEvents events) {
    private static final Logger LOG = LoggerFactory.getLogger(TimetableSetup.class);

    /**
     * Empty without a plan source; null when the county configuration is invalid (its errors are
     * printed); {@link IllegalArgumentException} or {@link IllegalStateException} naming the flag
     * when the plan or Redis cannot be read.
     */
    public static Optional<TimetableSetup> start(Path config, Path planFile, URI scheduler, String redis, PrintWriter err) {
        if (planFile == null && scheduler == null) {
            return Optional.empty();
        }
        List<KnownClassroom> classrooms = null;
        String countyId = null;
        if (config != null) {
            Optional<County> county = CountyArgument.load(config, err, "the signaling server needs a valid county");
            if (county.isEmpty()) {
                return null;
            }
            classrooms = CountyClassrooms.of(county.get());
            countyId = county.get().id();
        }
        Timetable timetable = new Timetable(Clock.systemUTC(), classrooms);
        PlanSource<LoadedPlan> reloadFrom = scheduler != null ? TimetablePlans.scheduler(scheduler)
                : TimetablePlans.file(planFile);
        PlanReloads<LoadedPlan> reloads = TimetablePlans.reloads(reloadFrom, timetable, Clock.systemUTC());
        try {
            LoadedPlan plan = firstPlan(scheduler, planFile, reloads);
            if (countyId != null && !countyId.equals(plan.county())) {
                throw new IllegalArgumentException("the plan is for county " + plan.county() + ", but --config " + config
                        + " is county " + countyId);
            }
            RedisPlanEvents events = redis == null ? null : RedisPlanEvents.subscribe(redis, plan.county(), reloads);
            return Optional.of(new TimetableSetup(timetable, reloads, events));
        } catch (RuntimeException e) {
            reloads.close();
            throw e;
        }
    }

    private static LoadedPlan firstPlan(URI scheduler, Path planFile, PlanReloads<LoadedPlan> reloads) {
        try {
            if (scheduler != null) {
                try {
                    return reloads.loadNow();
                } catch (IOException e) {
                    if (planFile == null) {
                        throw new IllegalStateException("--scheduler " + scheduler + " did not give its plan: "
                                + e.getMessage(), e);
                    }
                    LOG.warn("--scheduler {} did not give its plan ({}); starting from --plan-file {}", scheduler,
                            e.getMessage(), planFile);
                }
            }
            LoadedPlan plan = TimetablePlans.file(planFile).load();
            reloads.take(plan);
            return plan;
        } catch (IOException e) {
            throw new IllegalArgumentException("--plan-file " + planFile + " cannot be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the plan", e);
        }
    }

    public void close() {
        if (events != null) {
            events.close();
        }
        reloads.close();
    }
}
