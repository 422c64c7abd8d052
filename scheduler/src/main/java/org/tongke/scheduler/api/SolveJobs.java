package org.tongke.scheduler.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.scheduler.check.PlanChecker;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.publish.SchedulerService;
import org.tongke.scheduler.replan.Replanner;
import org.tongke.scheduler.solver.TimetableSolver;

/**
 * Solves as jobs: a request starts one and gets its id; solves run one at a time on their own
 * thread (they take both cores), never on an event loop. The store keeps at most
 * {@link #MAX_JOBS} jobs, dropping the oldest finished ones, and refuses new work while that
 * many are still waiting.
 */
public final class SolveJobs implements AutoCloseable {
    public static final int MAX_JOBS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(SolveJobs.class);

    private final SchedulerService service;
    private final PlanStore store;
    private final ExecutorService solver = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scheduler-solver");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, SolveJob> jobs = new LinkedHashMap<>();
    private final Deque<String> order = new ArrayDeque<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger solved = new AtomicInteger();
    private volatile boolean closing;

    public SolveJobs(SchedulerService service, PlanStore store) {
        this.service = service;
        this.store = store;
    }

    public synchronized SolveJob start(Duration limit, boolean publish) {
        evictFinished();
        if (jobs.size() >= MAX_JOBS) {
            throw new ApiException(429, "too-many-jobs", MAX_JOBS + " solves are waiting or kept already; try later");
        }
        SolveJob job = new SolveJob("job-" + counter.incrementAndGet(), publish);
        jobs.put(job.id(), job);
        order.add(job.id());
        solver.submit(() -> run(job, limit));
        return job;
    }

    public synchronized Optional<SolveJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public int solvedCount() {
        return solved.get();
    }

    private void run(SolveJob job, Duration limit) {
        long started = System.nanoTime();
        if (job.stopSwitch().stopped() || closing) {
            // Stopped while it waited: nothing was searched, so nothing is published.
            job.done(null, Duration.ZERO, null);
            return;
        }
        job.running();
        try {
            Plan fresh = service.solve(TimetableSolver.Limits.of(limit), previousSlots(), job::progress, job.stopSwitch());
            Integer version = job.publish() && !closing ? publish(job, fresh) : null;
            job.done(fresh, Duration.ofNanos(System.nanoTime() - started), version);
            solved.incrementAndGet();
            LOG.info("Solve {} ended with {} ({})", job.id(), fresh.score(),
                    version == null ? "not published" : "published as version " + version);
        } catch (Exception | Error e) {
            LOG.error("Solve {} failed", job.id(), e);
            job.failed(e);
        }
    }

    /**
     * Publishes a finished solve, re-planned around the recorded absences; never a plan the solver
     * did not finish building, nor one the plan checker rejects.
     */
    private Integer publish(SolveJob job, Plan fresh) throws Exception {
        if (fresh.score().contains("init")) {
            LOG.warn("Solve {} ended before every lesson was tried; the published plan stays", job.id());
            return null;
        }
        return store.change((current, absences) -> {
            Plan plan = absences.isEmpty() ? fresh : new Replanner(service.county()).replan(fresh, absences).plan();
            var violations = PlanChecker.check(service.county(), plan);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("the solved plan breaks " + violations.size() + " hard rules (first: "
                        + violations.get(0) + "); it was not published");
            }
            return new PlanStore.Outcome<>(plan, null, store.version() + 1);
        }, "solve " + job.id());
    }

    /** The published plan's weekly times, so a new solve keeps what it can (fewest changes). */
    private Map<String, String> previousSlots() {
        Map<String, String> slots = new LinkedHashMap<>();
        store.current().ifPresent(p -> p.weekly().forEach(w -> slots.put(w.id(),
                w.day().name().toLowerCase() + " " + w.start() + "-" + w.end())));
        return slots;
    }

    private void evictFinished() {
        while (jobs.size() >= MAX_JOBS && !order.isEmpty()) {
            String oldest = order.stream().filter(id -> jobs.get(id).finished()).findFirst().orElse(null);
            if (oldest == null) {
                return;
            }
            order.remove(oldest);
            jobs.remove(oldest);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        synchronized (this) {
            jobs.values().forEach(j -> j.stopSwitch().stop());
        }
        solver.shutdownNow();
        solver.awaitTermination(10, TimeUnit.SECONDS);
    }
}
