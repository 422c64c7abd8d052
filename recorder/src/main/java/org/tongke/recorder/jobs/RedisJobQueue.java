package org.tongke.recorder.jobs;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs on a Redis Stream shared by several recorders: one consumer group, each worker a
 * consumer. A worker acknowledges a job once it is done or failed; while it works it claims the
 * entry again now and then, so its idle time stays low. A worker that dies leaves its entry
 * pending; once idle past {@code staleAfter}, another worker takes it with XAUTOCLAIM and does
 * the job again (publishing is atomic, so the dead worker's half never shows).
 */
public final class RedisJobQueue implements JobQueue {
    public static final String STREAM = "tongke:recorder:archive-jobs";
    public static final String GROUP = "archivers";
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(RedisJobQueue.class);
    private static final Duration BLOCK = Duration.ofSeconds(1);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final JobRunner runner;
    private final int threads;
    private final Duration staleAfter;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "archive-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    public RedisJobQueue(String uri, JobRunner runner, int threads, Duration staleAfter) {
        this.client = RedisClient.create(uri);
        this.commands = client.connect();
        this.runner = runner;
        this.threads = threads;
        this.staleAfter = staleAfter;
        try {
            commands.sync().xgroupCreate(XReadArgs.StreamOffset.from(STREAM, "0"), GROUP, new XGroupCreateArgs().mkstream(true));
        } catch (RedisBusyException exists) {
            // BUSYGROUP: another recorder made it first.
        }
    }

    @Override
    public void submit(String jobId) {
        commands.sync().xadd(STREAM, Map.of("job", jobId));
    }

    @Override
    public void start() {
        for (int i = 0; i < threads; i++) {
            String consumer = runner.worker() + (threads > 1 ? "-" + i : "");
            Thread t = new Thread(() -> loop(consumer), "archive-worker-" + consumer);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    private void loop(String consumerName) {
        Consumer<String> consumer = Consumer.from(GROUP, consumerName);
        try (StatefulRedisConnection<String, String> own = client.connect()) {
            RedisCommands<String, String> redis = own.sync();
            while (running) {
                try {
                    StreamMessage<String, String> message = next(redis, consumer);
                    if (message != null) {
                        work(redis, consumer, message);
                    }
                } catch (RedisCommandInterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.warn("Archive worker {}: Redis failed; trying again in a second", consumerName, e);
                        sleep();
                    }
                }
            }
        }
    }

    /** A stale entry of a dead worker first, else a new one. */
    private StreamMessage<String, String> next(RedisCommands<String, String> redis, Consumer<String> consumer) {
        List<StreamMessage<String, String>> stale = redis.xautoclaim(STREAM, new XAutoClaimArgs<String>().consumer(consumer)
                .minIdleTime(staleAfter).startId("0-0").count(1)).getMessages();
        if (!stale.isEmpty() && stale.get(0).getBody() != null && !stale.get(0).getBody().isEmpty()) {
            LOG.info("Worker {} takes over job entry {}, idle past {}", consumer.getName(), stale.get(0).getId(), staleAfter);
            return stale.get(0);
        }
        List<StreamMessage<String, String>> fresh = redis.xreadgroup(consumer, XReadArgs.Builder.block(BLOCK).count(1),
                XReadArgs.StreamOffset.lastConsumed(STREAM));
        return fresh.isEmpty() ? null : fresh.get(0);
    }

    private void work(RedisCommands<String, String> redis, Consumer<String> consumer, StreamMessage<String, String> message) {
        String jobId = message.getBody().get("job");
        long every = Math.max(100, staleAfter.toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                // Claiming one's own entry resets its idle time: the job is not stale while this runs.
                commands.sync().xclaim(STREAM, consumer, new XClaimArgs().justid(), message.getId());
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat of job {} failed", jobId, e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        boolean finished;
        try {
            finished = jobId == null || runner.run(jobId);
        } finally {
            heartbeat.cancel(false);
        }
        if (finished) {
            redis.xack(STREAM, GROUP, message.getId());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        runner.stop();
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        heartbeats.shutdownNow();
        commands.close();
        client.shutdown();
    }
}
