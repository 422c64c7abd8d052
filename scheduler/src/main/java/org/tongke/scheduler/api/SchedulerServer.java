package org.tongke.scheduler.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.county.County;
import org.tongke.scheduler.check.PlanChecker;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.publish.SchedulerService;

/**
 * The scheduler as a service: the HTTP API and page on one port, solves as jobs, the published
 * plan kept (and saved to {@code planFile} when given) and announced through the publisher.
 */
public final class SchedulerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerServer.class);

    private final Vertx vertx;
    private final PlanStore store;
    private final SolveJobs jobs;
    private final HttpServer http;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private SchedulerServer(Vertx vertx, PlanStore store, SolveJobs jobs, HttpServer http) {
        this.vertx = vertx;
        this.store = store;
        this.jobs = jobs;
        this.http = http;
    }

    /** Starts on {@code port} (0 for any free one) and returns once it listens. */
    public static SchedulerServer start(County county, int port, Path planFile, PlanPublisher publisher, Plan initial)
            throws Exception {
        return start(county, port, planFile, publisher, initial, true);
    }

    /**
     * @param checkInitial false to publish {@code initial} as it is: the demo's timetable, moved
     *                     to today's clock, lies outside the bell schedules on purpose
     */
    public static SchedulerServer start(County county, int port, Path planFile, PlanPublisher publisher, Plan initial,
                                        boolean checkInitial) throws Exception {
        Vertx vertx = Vertx.vertx();
        PlanStore store = new PlanStore(planFile, publisher, Clock.systemUTC());
        if (initial != null && !checkInitial) {
            LOG.info("Publishing plan {} of {} lessons unchecked", initial.score(), initial.occurrences().size());
            store.publish(initial, "loaded unchecked");
        } else if (initial != null) {
            var problems = PlanChecker.check(county, initial);
            if (!initial.county().equals(county.id()) || !problems.isEmpty()) {
                // A plan of another county, or one the configuration no longer allows, is not served.
                LOG.warn("The saved plan (county {}) does not fit this configuration ({} hard rules broken); starting without it",
                        initial.county(), problems.size());
            } else {
                store.publish(initial, "loaded");
            }
        }
        SolveJobs jobs = new SolveJobs(new SchedulerService(county), store);
        Metrics metrics = new Metrics();
        metrics.gauge("tongke_scheduler_plan_version", store::version);
        metrics.gauge("tongke_scheduler_solves_total", jobs::solvedCount);
        try {
            HttpServer http = vertx.createHttpServer()
                    .requestHandler(new SchedulerRoutes(vertx, county, store, jobs, metrics).router())
                    .listen(port).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.info("Scheduler for {} ({}) listening on port {}", county.name(), county.id(), http.actualPort());
            return new SchedulerServer(vertx, store, jobs, http);
        } catch (Exception e) {
            jobs.close();
            vertx.close();
            throw e;
        }
    }

    public int port() {
        return http.actualPort();
    }

    public PlanStore store() {
        return store;
    }

    public SolveJobs jobs() {
        return jobs;
    }

    /** Stops solving, then the HTTP server; a second call does nothing. */
    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Scheduler stopping");
        jobs.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        LOG.info("Scheduler stopped");
    }
}
