package org.tongke.signaling.held;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.signaling.room.LessonListener;
import org.tongke.signaling.room.LessonRun;

/**
 * Lessons held live on their way to the recorder. A room hands each ended lesson over
 * ({@link #ended}, under the room's lock: it only queues); a thread of its own posts them in
 * order, and keeps the first one while the recorder is down or failing, retrying after
 * {@code firstRetry}, doubling up to {@code maxRetry}. A 2xx or a final 4xx (an unknown lesson,
 * a refused token) takes a report off. At most {@code capacity} wait: past it the oldest is
 * dropped (logged). With a spool ({@code --held-spool}) each report is on disk before it counts as
 * queued and is posted after a restart; without one, a node that stops loses those still waiting
 * after {@link #DRAIN} (logged).
 */
public final class HeldLessonOutbox implements LessonListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeldLessonOutbox.class);
    /** How long a stop waits for the reports still queued. */
    static final Duration DRAIN = Duration.ofSeconds(2);

    private final RecorderLink link;
    private final RecorderClient client;
    private final String node;
    private final Deque<HeldLessonSpool.Spooled> waiting = new ArrayDeque<>();
    /** Null: reports wait in memory only. */
    private final HeldLessonSpool spool;
    /** Writes the spool's files, off the rooms' threads; null without a spool. */
    private final java.util.concurrent.ExecutorService writes;
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread sender;
    private volatile boolean closed;

    private HeldLessonOutbox(RecorderLink link, Supplier<Optional<String>> county, String node, Clock clock) {
        this.link = link;
        this.node = node;
        this.client = new RecorderClient(link, county, node, clock);
        this.spool = link.spool() == null ? null : new HeldLessonSpool(link.spool());
        if (spool != null) {
            waiting.addAll(spool.load());
        }
        this.writes = spool == null ? null : java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "held-spool");
            t.setDaemon(true);
            return t;
        });
        this.sender = new Thread(this::run, "held-lessons");
        this.sender.setDaemon(true);
    }

    /**
     * Starts the sender.
     *
     * @param county the county of the node's timetable: each report's token is a staff token of it
     * @param node   this node's id, in each report and its token's subject
     */
    public static HeldLessonOutbox start(RecorderLink link, Supplier<Optional<String>> county, String node, Clock clock) {
        HeldLessonOutbox outbox = new HeldLessonOutbox(link, county, node, clock);
        outbox.sender.start();
        LOG.info("Lessons held live are reported to the recorder at {}{}", link.url(), outbox.spool == null
                ? " (waiting reports in memory)" : " (waiting reports kept in " + outbox.spool.dir() + ", "
                + outbox.pending() + " left by an earlier run)");
        return outbox;
    }

    @Override
    public void ended(LessonRun run) {
        try {
            HeldLessonReport report = HeldLessonReport.of(run, node);
            if (spool == null) {
                queue(new HeldLessonSpool.Spooled(report, null));
            } else {
                // The room calls under its lock, maybe on an event loop: the file is written and synced elsewhere.
                writes.execute(() -> queue(spool.save(report)));
            }
        } catch (RuntimeException e) {
            LOG.error("Lesson {} ended, but its report could not be queued", run.room(), e);
        }
    }

    private void queue(HeldLessonSpool.Spooled spooled) {
        try {
            synchronized (this) {
                if (waiting.size() >= link.capacity()) {
                    HeldLessonSpool.Spooled dropped = waiting.pollFirst();
                    forget(dropped);
                    failed.incrementAndGet();
                    LOG.warn("Held lesson {} dropped: {} reports wait for the recorder already", dropped.report().lesson(),
                            link.capacity());
                }
                waiting.addLast(spooled);
                notifyAll();
            }
        } catch (RuntimeException e) {
            LOG.error("Lesson {} ended, but its report could not be queued", spooled.report().lesson(), e);
        }
    }

    private void run() {
        int failures = 0;
        while (!closed) {
            try {
                HeldLessonSpool.Spooled spooled = next();
                if (spooled == null) {
                    return;
                }
                HeldLessonReport next = spooled.report();
                RecorderClient.Result result = client.post(next);
                if (result.answer() == RecorderClient.Answer.LATER) {
                    failures++;
                    Duration wait = backoff(failures);
                    if (failures % 10 == 1) {
                        // The first failure and every tenth after: a recorder away for hours fills no log.
                        LOG.warn("Held lesson {} not reported yet ({}); trying again in {} ms ({} waiting)",
                                next.lesson(), result.detail(), wait.toMillis(), pending());
                    }
                    Thread.sleep(wait.toMillis());
                    continue;
                }
                failures = 0;
                synchronized (this) {
                    if (waiting.remove(spooled)) {
                        forget(spooled);
                    }
                }
                if (result.answer() == RecorderClient.Answer.TAKEN) {
                    posted.incrementAndGet();
                    LOG.info("Held lesson {} reported to the recorder ({})", next.lesson(), result.detail());
                } else {
                    failed.incrementAndGet();
                    LOG.warn("Held lesson {} refused by the recorder, given up: {}", next.lesson(), result.detail());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The loop must outlive any one report; the report stays and is tried again.
                LOG.error("Reporting a held lesson failed", e);
                failures++;
                try {
                    Thread.sleep(backoff(failures).toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void forget(HeldLessonSpool.Spooled spooled) {
        if (spool != null) {
            spool.remove(spooled);
        }
    }

    private synchronized HeldLessonSpool.Spooled next() throws InterruptedException {
        while (waiting.isEmpty() && !closed) {
            wait();
        }
        return closed ? null : waiting.peekFirst();
    }

    /** {@code firstRetry}, doubled with each failure in a row, at most {@code maxRetry}. */
    Duration backoff(int failures) {
        long millis = link.firstRetry().toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(millis, link.maxRetry().toMillis()));
    }

    public long posted() {
        return posted.get();
    }

    public long failed() {
        return failed.get();
    }

    public synchronized int pending() {
        return waiting.size();
    }

    /** The outbox's counters in the Prometheus text format. */
    public String prometheus() {
        return "# HELP tongke_signaling_held_lessons_posted_total Lessons held live that the recorder took.\n"
                + "# TYPE tongke_signaling_held_lessons_posted_total counter\n"
                + "tongke_signaling_held_lessons_posted_total " + posted() + "\n"
                + "# HELP tongke_signaling_held_lessons_failed_total Lessons held live given up: refused by the recorder"
                + " or dropped from a full outbox.\n"
                + "# TYPE tongke_signaling_held_lessons_failed_total counter\n"
                + "tongke_signaling_held_lessons_failed_total " + failed() + "\n"
                + "# HELP tongke_signaling_held_lessons_pending Lessons held live waiting for the recorder.\n"
                + "# TYPE tongke_signaling_held_lessons_pending gauge\n"
                + "tongke_signaling_held_lessons_pending " + pending() + "\n";
    }

    /** Stops the sender, after giving it {@link #DRAIN} to post what waits; reports still waiting then are lost (logged). */
    @Override
    public void close() {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        if (writes != null) {
            writes.shutdown();
            try {
                if (!writes.awaitTermination(DRAIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    LOG.warn("Held lesson reports still being written to {} when this node stopped", spool.dir());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            // Lessons ended by the node's own stop (its clients closed) are posted if the recorder answers now.
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        sender.interrupt();
        try {
            sender.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = pending();
        if (left > 0 && spool == null) {
            LOG.warn("{} held lessons were not reported to the recorder before this node stopped", left);
        } else if (left > 0) {
            LOG.info("{} held lessons wait in {} for the recorder, posted after a restart", left, spool.dir());
        }
    }
}
