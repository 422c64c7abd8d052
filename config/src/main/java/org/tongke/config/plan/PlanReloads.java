package org.tongke.config.plan;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the plan again on each {@code plan-published} event, on a thread of its own (the read
 * blocks), and hands it to the {@link PlanTarget}. A failed read or a plan the target refuses is
 * logged with its reason (the source, the field) and the target keeps the plan it had; the next
 * event tries again. Events of another county are ignored.
 */
public final class PlanReloads<T> implements PlanEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanReloads.class);

    private final PlanSource<T> source;
    private final PlanTarget<T> target;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "plan-reload");
        t.setDaemon(true);
        return t;
    });
    private PlanStatus status;

    public PlanReloads(PlanSource<T> source, PlanTarget<T> target, Clock clock) {
        this.source = source;
        this.target = target;
        this.clock = clock;
        this.status = new PlanStatus(source.describe(), null, null, 0, 0, null);
    }

    /**
     * Reads the plan now, on the caller's thread (at start, so that a wrong file or address fails
     * at once); a failure is thrown, not counted.
     */
    public T loadNow() throws IOException, InterruptedException {
        T plan = source.load();
        take(plan);
        return plan;
    }

    /** Puts a plan read elsewhere in place (a start from a fallback file), counted as a load. */
    public void take(T plan) {
        target.replace(plan);
        synchronized (this) {
            status = new PlanStatus(status.source(), target.version(plan), clock.instant(), status.loads() + 1,
                    status.failures(), status.lastFailure());
        }
    }

    public synchronized PlanStatus status() {
        return status;
    }

    @Override
    public void planPublished(String county, long planVersion) {
        if (target.county().filter(c -> !c.equals(county)).isPresent()) {
            LOG.info("Plan version {} of {} ignored: this server follows {}", planVersion, county,
                    target.county().orElse("?"));
            return;
        }
        worker.execute(() -> {
            try {
                take(source.load());
                LOG.info("Plan version {} of {} loaded from {}", planVersion, county, source.describe());
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    status = new PlanStatus(status.source(), status.version(), status.loadedAt(), status.loads(),
                            status.failures() + 1, e.getMessage());
                }
                LOG.warn("Plan version {} of {} could not be read from {}; keeping the previous one: {}", planVersion,
                        county, source.describe(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
