package org.tongke.recorder.jobs;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process queue: a fixed pool of worker threads. On start it takes every job the
 * database holds unfinished, so a recorder killed mid-job does that job again.
 */
public final class LocalJobQueue implements JobQueue {
    private static final Logger LOG = LoggerFactory.getLogger(LocalJobQueue.class);

    private final JobStore store;
    private final JobRunner runner;
    private final ExecutorService workers;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public LocalJobQueue(JobStore store, JobRunner runner, int threads) {
        this.store = store;
        this.runner = runner;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "archive-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void submit(String jobId) {
        if (!known.add(jobId)) {
            return;
        }
        workers.execute(() -> {
            try {
                runner.run(jobId);
            } finally {
                known.remove(jobId);
            }
        });
    }

    @Override
    public void start() {
        // Alone on this database: a job still RUNNING was cut off when this recorder stopped.
        store.requeueRunning();
        var unfinished = store.unfinished();
        if (!unfinished.isEmpty()) {
            LOG.info("{} archive jobs left unfinished are queued again", unfinished.size());
        }
        unfinished.forEach(job -> submit(job.id()));
    }

    @Override
    public void close() {
        runner.stop();
        // Not shutdownNow: its interrupt could land in H2's file IO. Jobs not begun stay QUEUED in the database.
        ((java.util.concurrent.ThreadPoolExecutor) workers).getQueue().clear();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Archive workers did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
