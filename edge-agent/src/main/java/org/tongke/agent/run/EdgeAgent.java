package org.tongke.agent.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.agent.capture.ClassroomRecorder;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.config.AgentConfigReader;
import org.tongke.agent.link.Health;
import org.tongke.agent.link.ServerMessage;
import org.tongke.agent.link.SignalingClient;
import org.tongke.agent.schedule.Schedule;
import org.tongke.agent.schedule.ScheduleCache;
import org.tongke.agent.schedule.Recordings;
import org.tongke.agent.schedule.Scheduler;
import org.tongke.agent.schedule.Target;
import org.tongke.agent.upload.RateLimiter;
import org.tongke.agent.upload.TusClient;
import org.tongke.agent.upload.UploadJournal;
import org.tongke.agent.upload.UploadQueue;
import org.tongke.config.diagnostic.Problem;

/**
 * A running agent: the cached schedule drives the recorder (ticked every half second on its own
 * thread), closed segments go to the upload queue, and the signaling link brings new schedules
 * and commands and carries health, and the lesson's room brings the lead teacher's start and end
 * of the lesson, which the recording follows and acknowledges. Nothing waits for the network to record.
 */
public final class EdgeAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeAgent.class);
    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_CONFIG = 2;

    /** Tunings, for tests and small boxes. */
    public record Options(String preset, Duration confirmEvery, Duration tick) {
        public static Options defaults() {
            return new Options("veryfast", Duration.ofSeconds(30), Duration.ofMillis(500));
        }
    }

    private final AgentConfig config;
    private final ScheduleCache cache;
    private final UploadJournal journal;
    private final UploadQueue uploads;
    private final ClassroomRecorder recorder;
    private final Scheduler scheduler;
    private final ScheduledExecutorService ticker;
    private final SignalingClient signaling;
    /** How long before a lesson (or its pre-roll, if longer) the agent joins its room: the server opens it 10 minutes before. */
    static final Duration ROOM_LEAD = Duration.ofMinutes(10);

    private EdgeAgent(AgentConfig config, Clock clock, Options options) throws IOException {
        this.config = config;
        Path storage = config.storage().dir();
        Files.createDirectories(storage);
        cache = new ScheduleCache(storage, config.classroom());
        journal = UploadJournal.open(storage);
        TusClient tus = new TusClient(config.recorder(), config.token(),
                new RateLimiter(config.upload().caps(), clock, config.timeZone()));
        uploads = new UploadQueue(config, journal, tus, clock, options.confirmEvery());
        recorder = new ClassroomRecorder(config, uploads, clock, options.preset());
        signaling = new SignalingClient(config.signaling(), config.token(), config.classroom(), clock, new Link());
        scheduler = new Scheduler(cache, clock, config.recording().preRoll(), config.recording().postRoll(),
                config.recording().overrun(), config.classroom(), new Acknowledged());
        uploads.start();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "schedule"));
        ticker.scheduleWithFixedDelay(this::tick, 0, options.tick().toMillis(), TimeUnit.MILLISECONDS);
        signaling.start();
        LOG.info("Edge agent of {} running: {} source(s), storage {}, schedule version {}", config.classroom(),
                config.sources().size(), storage, cache.current().version());
    }

    public static EdgeAgent start(AgentConfig config, Clock clock, Options options) throws IOException {
        return new EdgeAgent(config, clock, options);
    }

    private void tick() {
        try {
            scheduler.tick();
        } catch (RuntimeException e) {
            LOG.error("Schedule tick failed", e);
        }
    }

    public Health health(Long clockOffsetMs) {
        Health.Disk disk;
        try {
            disk = uploads.disk();
        } catch (IOException e) {
            disk = new Health.Disk(0, 0, true);
        }
        return new Health(recorder.health(), disk, uploads.backlog(), cache.current().version(), clockOffsetMs,
                recorder.lesson());
    }

    public SignalingClient signaling() {
        return signaling;
    }

    /** Stops: the recording finishes its segments, the upload stops between chunks (its journal goes on after). */
    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        recorder.stop();
        signaling.close();
        uploads.close();
        journal.close();
        LOG.info("Edge agent of {} stopped", config.classroom());
    }

    /**
     * Reads {@code agent.yaml}, runs the agent until the JVM is told to stop (SIGTERM, Ctrl-C),
     * then stops it cleanly; what {@code edge-agent run} does. Configuration problems go to
     * {@code err}, one a line, and answer {@link #EXIT_BAD_CONFIG}.
     */
    public static int runUntilStopped(Path configFile, PrintWriter out, PrintWriter err) throws Exception {
        AgentConfigReader.Result read = AgentConfigReader.read(configFile);
        if (read.config().isEmpty()) {
            for (Problem p : read.problems().errors()) {
                err.println(p);
            }
            err.flush();
            return EXIT_BAD_CONFIG;
        }
        AgentConfig config = read.config().get();
        EdgeAgent agent = start(config, Clock.systemUTC(), Options.defaults());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                agent.close();
            } catch (Exception e) {
                LOG.warn("Edge agent did not stop cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "edge-agent-shutdown"));
        out.printf("Edge agent of %s recording to %s; signaling %s, recorder %s%n", config.classroom(),
                config.storage().dir(), config.signaling(), config.recorder());
        out.flush();
        stopped.await();
        return EXIT_OK;
    }

    /** The recorder, whose starts and stops the lesson's room hears once they are done. */
    private final class Acknowledged implements Recordings {
        private String lesson;

        @Override
        public void start(Target target) {
            recorder.start(target);
            lesson = target.lesson();
            signaling.recording(lesson, true);
        }

        @Override
        public void stop() {
            recorder.stop();
            if (lesson != null) {
                signaling.recording(lesson, false);
                lesson = null;
            }
        }
    }

    /** The signaling link's view of the agent. */
    private final class Link implements SignalingClient.Agent {
        @Override
        public long schedule(Schedule schedule) {
            if (!schedule.classroom().equals(config.classroom())) {
                LOG.warn("Schedule for {} ignored: this is {}", schedule.classroom(), config.classroom());
                return cache.current().version();
            }
            try {
                if (cache.offer(schedule)) {
                    LOG.info("Schedule version {} cached ({} lesson(s))", schedule.version(), schedule.lessons().size());
                }
            } catch (IOException e) {
                LOG.error("Schedule version {} cannot be cached", schedule.version(), e);
            }
            return cache.current().version();
        }

        @Override
        public SignalingClient.Result command(ServerMessage.Command c) {
            return switch (c.command()) {
                case "start-now" -> {
                    int minutes = c.minutes() == null ? 45 : c.minutes();
                    if (minutes < 1 || minutes > 600) {
                        yield new SignalingClient.Result(false, "minutes must be 1 to 600");
                    }
                    String lesson = scheduler.startNow(minutes, c.lesson());
                    yield new SignalingClient.Result(true, "recording " + lesson);
                }
                case "stop-now" -> scheduler.stopNow()
                        .map(l -> new SignalingClient.Result(true, "stopped " + l))
                        .orElse(new SignalingClient.Result(true, "not recording"));
                case "status" -> new SignalingClient.Result(true,
                        recorder.lesson() == null ? "idle" : "recording " + recorder.lesson());
                default -> new SignalingClient.Result(false, "unknown command " + c.command());
            };
        }

        @Override
        public Health health(Long clockOffsetMs) {
            return EdgeAgent.this.health(clockOffsetMs);
        }

        @Override
        public List<String> rooms(Instant now) {
            return scheduler.rooms(now, ROOM_LEAD);
        }

        @Override
        public void lesson(String room, String state) {
            switch (state) {
                case "live" -> scheduler.lessonLive(room);
                case "ended" -> scheduler.lessonEnded(room);
                default -> {
                }
            }
        }
    }
}
