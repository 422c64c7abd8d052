package org.tongke.recorder.catalog;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.tongke.config.plan.PlanReloads;
import org.tongke.config.plan.PlanSource;

/**
 * The recorder's side of following a plan ({@code org.tongke.config.plan}): its plan read by
 * {@link PlanFile}, only the dated lessons and research sessions asked of the scheduler, and
 * {@link CurrentLessons} as the target of each reload.
 */
public final class LessonPlans {
    /** The scheduler API's lists the recorder reads. */
    public static final String PARTS = "occurrences,research";

    private LessonPlans() {
    }

    public static PlanSource<PlanFile> file(Path file) {
        return PlanSource.file(file, PlanFile::parse);
    }

    public static PlanSource<PlanFile> scheduler(URI base) {
        return PlanSource.scheduler(base, PARTS, PlanFile::parse);
    }

    public static PlanReloads<PlanFile> reloads(PlanSource<PlanFile> source, CurrentLessons lessons, Clock clock) {
        return new PlanReloads<>(source, lessons, clock);
    }
}
