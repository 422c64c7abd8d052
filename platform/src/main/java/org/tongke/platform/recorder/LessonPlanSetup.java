package org.tongke.platform.recorder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.county.County;
import org.tongke.config.plan.PlanReloads;
import org.tongke.config.plan.PlanSource;
import org.tongke.config.plan.RedisPlanEvents;
import org.tongke.recorder.catalog.CurrentLessons;
import org.tongke.recorder.catalog.LessonDirectory;
import org.tongke.recorder.catalog.LessonPlans;
import org.tongke.recorder.catalog.PlanFile;

/**
 * The plan the recorder's library follows: read at start ({@code --scheduler}, else or failing
 * that {@code --plan-file}), read again on each plan event ({@code --redis}, or in process where
 * a JVM also runs the scheduler: connect {@link #reloads()} with
 * {@link org.tongke.platform.signaling.InProcessPlanEvents}).
 */
public record LessonPlanSetup(CurrentLessons lessons, PlanReloads<PlanFile> reloads, RedisPlanEvents events)
        implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LessonPlanSetup.class);

    /**
     * {@link IllegalArgumentException} or {@link IllegalStateException} naming the flag when the
     * plan or Redis cannot be read, or the plan is of another county.
     */
    public static LessonPlanSetup start(County county, Path planFile, URI scheduler, String redis, Clock clock) {
        PlanFile first = firstPlan(scheduler, planFile);
        if (!county.id().equals(first.county())) {
            throw new IllegalArgumentException("the plan is for county " + first.county() + ", but --config is county "
                    + county.id());
        }
        CurrentLessons lessons = new CurrentLessons(new LessonDirectory(county, first));
        PlanSource<PlanFile> reloadFrom = scheduler != null ? LessonPlans.scheduler(scheduler) : LessonPlans.file(planFile);
        PlanReloads<PlanFile> reloads = LessonPlans.reloads(reloadFrom, lessons, clock);
        reloads.take(first);
        try {
            RedisPlanEvents events = redis == null ? null : RedisPlanEvents.subscribe(redis, county.id(), reloads);
            return new LessonPlanSetup(lessons, reloads, events);
        } catch (RuntimeException e) {
            reloads.close();
            throw e;
        }
    }

    private static PlanFile firstPlan(URI scheduler, Path planFile) {
        try {
            if (scheduler != null) {
                try {
                    return LessonPlans.scheduler(scheduler).load();
                } catch (IOException | IllegalArgumentException e) {
                    if (planFile == null) {
                        throw new IllegalStateException("--scheduler " + scheduler + " did not give its plan: "
                                + e.getMessage(), e);
                    }
                    LOG.warn("--scheduler {} did not give its plan ({}); starting from --plan-file {}", scheduler,
                            e.getMessage(), planFile);
                }
            }
            return LessonPlans.file(planFile).load();
        } catch (IOException e) {
            throw new IllegalArgumentException("--plan-file: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the plan", e);
        }
    }

    @Override
    public void close() {
        if (events != null) {
            events.close();
        }
        reloads.close();
    }
}
