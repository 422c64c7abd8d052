package org.tongke.agent.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, at every tick, what the classroom should be recording: a lesson of the cached
 * schedule from pre-roll before its start to post-roll after its end, unless a {@code stop-now}
 * ended it early; a {@code start-now} recording overrides the schedule until its minutes are up.
 * It reads only the cache and the clock, so it keeps to the schedule with the link down; when the
 * lesson's room is reachable, the lead teacher's start-lesson records it at once (however early)
 * and end-lesson stops it (however early), as a stop-now would; a lesson the lead teacher started
 * and has not ended goes on past its post-roll, up to {@code overrun} more. Of two lessons live at
 * once (a teacher forgot to end one) the one started last is recorded.
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
    private final Map<String, Instant> endedUntil = new HashMap<>();
    /** Lessons the lead teacher started and has not ended, in the order they went live. */
    private final Set<String> live = new LinkedHashSet<>();
    private final Duration overrun;
    private Target manual;
    private Target running;

    public Scheduler(ScheduleCache cache, Clock clock, Duration preRoll, Duration postRoll, String classroom,
                     Recordings recordings) {
        this(cache, clock, preRoll, postRoll, Duration.ZERO, classroom, recordings);
    }

    public Scheduler(ScheduleCache cache, Clock clock, Duration preRoll, Duration postRoll, Duration overrun,
                     String classroom, Recordings recordings) {
        this.overrun = overrun;
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
        endedUntil.values().removeIf(until -> !now.isBefore(until));
        live.removeIf(id -> cache.current().lessons().stream()
                .noneMatch(l -> l.lesson().equals(id) && now.isBefore(l.endInstant().plus(postRoll).plus(overrun))));
        Target keep = null;
        Target first = null;
        Map<String, Target> dueLive = new HashMap<>();
        for (ScheduledLesson l : cache.current().lessons()) {
            Instant from = l.startInstant().minus(preRoll);
            boolean isLive = live.contains(l.lesson());
            Instant until = l.endInstant().plus(postRoll).plus(isLive ? overrun : Duration.ZERO);
            if (now.isBefore(from) && !isLive || !now.isBefore(until) || stoppedUntil.containsKey(l.lesson())) {
                continue;
            }
            Target t = new Target(l.lesson(), until, false);
            if (running != null && running.lesson().equals(l.lesson())) {
                keep = t;
            }
            if (first == null) {
                first = t;
            }
            if (isLive) {
                dueLive.put(l.lesson(), t);
            }
        }
        // A lesson the lead teacher started wins over another one's roll (the last started, if two
        // are live); otherwise back-to-back lessons overlapping by their rolls record the one being
        // recorded to its end.
        Target lastLive = null;
        for (String id : live) {
            lastLive = dueLive.getOrDefault(id, lastLive);
        }
        return Optional.ofNullable(lastLive != null ? lastLive : keep != null ? keep : first);
    }

    /**
     * The lesson rooms the agent should be in at {@code now}: each lesson of the schedule from
     * {@code lead} (or the pre-roll, if longer) before its start to the post-roll after its end,
     * unless its room said it ended.
     */
    public synchronized List<String> rooms(Instant now, Duration lead) {
        Duration before = lead.compareTo(preRoll) > 0 ? lead : preRoll;
        List<String> rooms = new ArrayList<>();
        for (ScheduledLesson l : cache.current().lessons()) {
            Instant leave = l.endInstant().plus(postRoll).plus(live.contains(l.lesson()) ? overrun : Duration.ZERO);
            if (!now.isBefore(l.startInstant().minus(before)) && now.isBefore(leave)
                    && !endedUntil.containsKey(l.lesson())) {
                rooms.add(l.lesson());
            }
        }
        return rooms;
    }

    /**
     * The lesson's room says the lead teacher started it: it records from now (however early)
     * to its scheduled end and post-roll, and on for up to {@code overrun} while it stays live,
     * unless it was stopped or ended.
     */
    public synchronized void lessonLive(String lesson) {
        if (endedUntil.containsKey(lesson) || !live.add(lesson)) {
            return;
        }
        LOG.info("Lesson {} started by its lead teacher", lesson);
        tick();
    }

    /** The lesson's room says the lead teacher ended it: its recording stops now and is not taken up again. */
    public synchronized void lessonEnded(String lesson) {
        Instant now = clock.instant();
        Instant until = cache.current().lessons().stream().filter(l -> l.lesson().equals(lesson)).findFirst()
                .map(l -> l.endInstant().plus(postRoll).plus(overrun)).orElse(now.plus(Duration.ofDays(1)));
        live.remove(lesson);
        if (!now.isBefore(until) || endedUntil.putIfAbsent(lesson, until) != null) {
            return;
        }
        LOG.info("Lesson {} ended by its lead teacher", lesson);
        stoppedUntil.put(lesson, until);
        if (manual != null && manual.lesson().equals(lesson)) {
            manual = null;
        }
        tick();
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
