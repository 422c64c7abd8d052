package org.tongke.signaling.schedule;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the plan again on each {@code plan-published} event, on a thread of its own (the read
 * blocks), and hands it to the {@link Timetable}. A failed read is logged and the timetable keeps
 * the plan it had; the next event tries again. Events of another county are ignored.
 */
public final class PlanReloads implements PlanEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanReloads.class);

    private final PlanSource source;
    private final Timetable timetable;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "plan-reload");
        t.setDaemon(true);
        return t;
    });

    public PlanReloads(PlanSource source, Timetable timetable) {
        this.source = source;
        this.timetable = timetable;
    }

    /** Reads the plan now, on the caller's thread (at start, so that a wrong file or address fails at once). */
    public LoadedPlan loadNow() throws IOException, InterruptedException {
        LoadedPlan plan = source.load();
        timetable.replace(plan);
        return plan;
    }

    @Override
    public void planPublished(String county, long planVersion) {
        if (timetable.county().filter(c -> !c.equals(county)).isPresent()) {
            LOG.info("Plan version {} of {} ignored: this server serves {}", planVersion, county,
                    timetable.county().orElse("?"));
            return;
        }
        worker.execute(() -> {
            try {
                LoadedPlan plan = source.load();
                timetable.replace(plan);
                LOG.info("Plan version {} of {} loaded from {}", planVersion, county, source.describe());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Plan version {} of {} could not be read from {}; keeping the previous one: {}", planVersion,
                        county, source.describe(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
