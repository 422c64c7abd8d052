package org.tongke.agent.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.config.SourceSpec;
import org.tongke.agent.link.Health;
import org.tongke.agent.schedule.Recordings;
import org.tongke.agent.schedule.Target;

/**
 * The classroom's recording: every source at once, each on its own thread, into the lesson's
 * folder; a stop waits for each source to finish its segment, then closes the manifest.
 */
public final class ClassroomRecorder implements Recordings {
    private static final Logger LOG = LoggerFactory.getLogger(ClassroomRecorder.class);
    private static final long STOP_WAIT_MS = 20_000;

    private final AgentConfig config;
    private final SegmentListener listener;
    private final Clock clock;
    private final String preset;
    /** Replaced whole, never changed: health reads it without waiting for a stop in progress. */
    private volatile List<SourceRecorder> sources = List.of();
    private final List<Thread> threads = new ArrayList<>();
    private LessonManifest manifest;
    private volatile String lesson;

    /** {@code preset}: libx264's speed for raw sources ({@code veryfast}; {@code ultrafast} on a weak box). */
    public ClassroomRecorder(AgentConfig config, SegmentListener listener, Clock clock, String preset) {
        this.config = config;
        this.listener = listener;
        this.clock = clock;
        this.preset = preset;
    }

    @Override
    public synchronized void start(Target target) {
        if (lesson != null) {
            stop();
        }
        Path storage = config.storage().dir();
        try {
            manifest = LessonManifest.open(LessonFiles.manifest(storage, target.lesson()), zone(), clock.instant());
            manifest.resume();
        } catch (IOException e) {
            LOG.error("Manifest of {} cannot be written (is the disk full?); not recording", target.lesson(), e);
            return;
        }
        lesson = target.lesson();
        Path lessonDir = LessonFiles.lessonDir(storage, target.lesson());
        List<SourceRecorder> started = new ArrayList<>();
        for (SourceSpec spec : config.sources()) {
            SourceRecorder r = new SourceRecorder(spec, target.lesson(), lessonDir.resolve(spec.name()),
                    config.recording(), manifest, listener, clock, preset);
            Thread t = new Thread(r, "record-" + spec.name());
            started.add(r);
            threads.add(t);
        }
        sources = List.copyOf(started);
        threads.forEach(Thread::start);
    }

    @Override
    public synchronized void stop() {
        if (lesson == null) {
            return;
        }
        sources.forEach(SourceRecorder::stop);
        long deadline = System.currentTimeMillis() + STOP_WAIT_MS;
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("{} did not finish its segment in time", t.getName());
            }
        }
        try {
            manifest.end(clock.instant());
            listener.lessonEnded(lesson, manifest.file());
        } catch (IOException e) {
            LOG.error("Manifest of {} cannot be closed", lesson, e);
        }
        sources = List.of();
        threads.clear();
        lesson = null;
    }

    /** The lesson being recorded, or null. */
    public String lesson() {
        return lesson;
    }

    /** Each configured source's state and frame rate (idle when not recording). */
    public List<Health.SourceHealth> health() {
        List<SourceRecorder> sources = this.sources;
        List<Health.SourceHealth> result = new ArrayList<>();
        for (int i = 0; i < config.sources().size(); i++) {
            String name = config.sources().get(i).name();
            SourceRecorder r = i < sources.size() ? sources.get(i) : null;
            result.add(r == null ? new Health.SourceHealth(name, SourceState.IDLE.word(), 0, null)
                    : new Health.SourceHealth(name, r.state().word(), r.fps(), r.error()));
        }
        return result;
    }

    private ZoneId zone() {
        return config.timeZone();
    }
}
