package org.tongke.recorder.jobs;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one job on the calling thread: a finished job is skipped (a job handed out twice is done
 * once), a job that fails is marked FAILED with its reason and the queue goes on.
 */
public final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final ArchiveWork work;
    private final String worker;
    private final java.time.Duration quiet;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean stopping;

    /**
     * {@code staleAfter}: how long a queue lets a silent worker keep a job. The job's row is
     * touched four times as often, and a running row quiet for half of it counts as abandoned.
     */
    public JobRunner(JobStore store, ArchiveWork work, String worker, java.time.Duration staleAfter) {
        this.store = store;
        this.work = work;
        this.worker = worker;
        this.quiet = staleAfter.dividedBy(2);
    }

    /** Runs the job; returns false only when it was cut off by the recorder stopping. */
    public boolean run(String jobId) {
        ArchiveJob job = store.find(jobId).orElse(null);
        if (job == null || job.finished()) {
            return true;
        }
        if (!store.claim(jobId, worker, quiet)) {
            LOG.info("Job {} is held by another worker; not run twice", jobId);
            return true;
        }
        MDC.put("lessonId", job.lesson());
        MDC.put("classroomId", job.classroom());
        running.incrementAndGet();
        int[] last = {-1};
        long[] touched = {System.nanoTime()};
        long touchEvery = quiet.toNanos() / 2;
        try {
            LOG.info("Archiving {} (attempt {})", job.key(), job.attempts() + 1);
            work.archive(job.key(), percent -> {
                if (stopping) {
                    throw new Stopped();
                }
                if (percent != last[0] || System.nanoTime() - touched[0] > touchEvery) {
                    last[0] = percent;
                    touched[0] = System.nanoTime();
                    store.progress(jobId, percent);
                }
            });
            store.done(jobId);
            done.incrementAndGet();
            LOG.info("Archived {}", job.key());
            return true;
        } catch (InterruptedException | Stopped e) {
            LOG.info("Archive of {} stopped with the recorder; it is done again on the next start", job.key());
            return false;
        } catch (Exception | LinkageError e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("Archive of {} failed: {}", job.key(), reason, e);
            store.failed(jobId, reason);
            failed.incrementAndGet();
            return true;
        } finally {
            running.decrementAndGet();
            MDC.remove("lessonId");
            MDC.remove("classroomId");
        }
    }

    /**
     * Asks running jobs to stop at their next progress report; they are left RUNNING, to be done
     * again. A flag rather than an interrupt: an interrupt in the middle of H2's file IO closes the database.
     */
    public void stop() {
        stopping = true;
    }

    /** Thrown from the progress report of a job when the recorder stops. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("the recorder is stopping", null, false, false);
        }
    }

    public String worker() {
        return worker;
    }

    public int running() {
        return running.get();
    }

    public long doneCount() {
        return done.get();
    }

    public long failedCount() {
        return failed.get();
    }
}
