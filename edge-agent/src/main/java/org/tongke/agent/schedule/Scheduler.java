package org.tongke.agent.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, at every tick, what the classroom should be recording: a lesson of the cached
 * schedule from pre-roll before its start to post-roll after its end, unless a {@code stop-now}
 * ended it early; a {@code start-now} recording overrides the schedule until its minutes are up.
 * It reads only the cache and the clock, so it keeps to the schedule with the link down.
 * Ticks come from one thread; commands may come from another.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final DateTimeFormatter ADHOC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final ScheduleCache cache;
    private final Clock clock;
    private final Duration preRoll;
    private final Duration postRoll;
    private final String classroom;
    private final Recordings recordings;
    private final Map<String, Instant> stoppedUntil = new HashMap<>();
    private Target manual;
    private Target running;

    public Scheduler(ScheduleCache cache, Clock clock, Duration preRoll, Duration postRoll, String classroom,
                     Recordings recordings) {
        this.cache = cache;
        this.clock = clock;
        this.preRoll = preRoll;
        this.postRoll = postRoll;
        this.classroom = classroom;
        this.recordings = recordings;
    }

    /** What should be recording at {@code now}. */
    synchronized Optional<Target> due(Instant now) {
        if (manual != null) {
            if (now.isBefore(manual.until())) {
                return Optional.of(manual);
            }
            manual = null;
        }
        stoppedUntil.values().removeIf(until -> !now.isBefore(until));
        Target keep = null;
        Target first = null;
        for (ScheduledLesson l : cache.current().lessons()) {
            Instant from = l.startInstant().minus(preRoll);
            Instant until = l.endInstant().plus(postRoll);
            if (now.isBefore(from) || !now.isBefore(until) || stoppedUntil.containsKey(l.lesson())) {
                continue;
            }
            Target t = new Target(l.lesson(), until, false);
            if (running != null && running.lesson().equals(l.lesson())) {
                keep = t;
            }
            if (first == null) {
                first = t;
            }
        }
        // Back-to-back lessons overlap by their rolls: the one being recorded runs to its end.
        return Optional.ofNullable(keep != null ? keep : first);
    }

    /** Starts or stops the recording to match {@link #due}; call it often (every half second). */
    public synchronized void tick() {
        Optional<Target> want = due(clock.instant());
        if (running != null && (want.isEmpty() || !want.get().lesson().equals(running.lesson()))) {
            LOG.info("Recording of {} stops", running.lesson());
            recordings.stop();
            running = null;
        }
        if (running != null) {
            running = want.get();
        } else if (want.isPresent()) {
            running = want.get();
            LOG.info("Recording of {} starts (until {})", running.lesson(), running.until());
            recordings.start(running);
        }
    }

    /** {@code start-now}: records for {@code minutes} under {@code lesson}, or an id of its own; the recording's lesson id. */
    public synchronized String startNow(int minutes, String lesson) {
        Instant now = clock.instant();
        String id = lesson != null ? lesson
                : "adhoc-" + classroom.replace('/', '-') + "-" + ADHOC.format(now);
        manual = new Target(id, now.plus(Duration.ofMinutes(minutes)), true);
        stoppedUntil.remove(id);
        tick();
        return id;
    }

    /** {@code stop-now}: ends the current recording; a scheduled lesson stopped so is not taken up again. */
    public synchronized Optional<String> stopNow() {
        Target was = running;
        if (was == null) {
            return Optional.empty();
        }
        if (manual != null && manual.lesson().equals(was.lesson())) {
            manual = null;
        }
        stoppedUntil.put(was.lesson(), was.until());
        tick();
        return Optional.of(was.lesson());
    }

    public synchronized Optional<Target> running() {
        return Optional.ofNullable(running);
    }
}
