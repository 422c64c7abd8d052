package org.tongke.signaling.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.signaling.room.Room;
import org.tongke.signaling.room.RoomException;
import org.tongke.signaling.room.RoomProblem;
import org.tongke.signaling.room.RoomRegistry;

/**
 * Opens each lesson room of the timetable {@code lead} before its start, with its title, the host
 * classroom and the rural ones, and closes it {@code linger} after its end once it is empty (an
 * empty room of the timetable stays open until then, so that a dropped teacher finds it again).
 * Ad hoc rooms are left alone. Run {@link #tick()} every few seconds; it only reads memory.
 */
public final class LessonRooms {
    /** Consoles and agents join a few minutes early to check cameras and microphones. */
    public static final Duration DEFAULT_LEAD = Duration.ofMinutes(10);
    /** A lesson that overruns a little keeps its room. */
    public static final Duration DEFAULT_LINGER = Duration.ofMinutes(15);
    /** Rooms open within this of their time. */
    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(LessonRooms.class);

    /**
     * When rooms of the timetable open and close.
     *
     * @param lead   how long before its start a lesson's room opens
     * @param linger how long after its end an empty room closes
     * @param every  how often the timetable is looked at
     */
    public record Timing(Duration lead, Duration linger, Duration every) {
        public Timing {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(linger, "linger");
            if (lead.isNegative() || linger.isNegative() || every.toMillis() < 10) {
                throw new IllegalArgumentException("lead and linger must be 0 or more, every at least 10 ms");
            }
        }

        public static Timing defaults() {
            return new Timing(DEFAULT_LEAD, DEFAULT_LINGER, DEFAULT_EVERY);
        }
    }

    /**
     * Which node opens a lesson's room when several serve the county ({@code --redis}): the one
     * that wins the room's lease. A node that loses leaves the room to the winner.
     */
    public interface Claims {
        /** On one node: always this one. */
        Claims SINGLE_NODE = new Claims() {
            @Override
            public CompletionStage<Boolean> claim(String room) {
                return CompletableFuture.completedFuture(true);
            }

            @Override
            public void closed(String room) {
            }
        };

        /** True when this node may open the room (it holds its lease now). */
        CompletionStage<Boolean> claim(String room);

        /** The room this node held closed (or was never opened after all): give its lease up. */
        void closed(String room);
    }

    private final ScheduleSource timetable;
    private final Claims claims;
    /** Rooms whose claim is under way. */
    private final Set<String> claiming = new HashSet<>();
    private final RoomRegistry rooms;
    private final Clock clock;
    private final Duration lead;
    private final Duration linger;
    /** Rooms this opened, with when each may close. */
    private final Map<String, Instant> opened = new HashMap<>();

    public LessonRooms(ScheduleSource timetable, RoomRegistry rooms, Clock clock, Timing timing) {
        this(timetable, rooms, clock, timing.lead(), timing.linger());
    }

    public LessonRooms(ScheduleSource timetable, RoomRegistry rooms, Clock clock, Duration lead, Duration linger) {
        this(timetable, rooms, clock, lead, linger, Claims.SINGLE_NODE);
    }

    /** @param claims which node opens each room, when several serve the county */
    public LessonRooms(ScheduleSource timetable, RoomRegistry rooms, Clock clock, Timing timing, Claims claims) {
        this(timetable, rooms, clock, timing.lead(), timing.linger(), claims);
    }

    private LessonRooms(ScheduleSource timetable, RoomRegistry rooms, Clock clock, Duration lead, Duration linger,
            Claims claims) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.timetable = Objects.requireNonNull(timetable, "timetable");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lead = Objects.requireNonNull(lead, "lead");
        this.linger = Objects.requireNonNull(linger, "linger");
    }

    /** Opens the rooms due, closes those past their time and empty. */
    public synchronized void tick() {
        Instant now = clock.instant();
        for (TimetableLesson lesson : timetable.lessons()) {
            Instant opens = lesson.start().toInstant().minus(lead);
            Instant closes = lesson.end().toInstant().plus(linger);
            if (now.isBefore(opens) || !now.isBefore(lesson.end().toInstant()) || opened.containsKey(lesson.id())
                    || claiming.contains(lesson.id())) {
                continue;
            }
            claim(lesson, closes);
        }
        for (Iterator<Map.Entry<String, Instant>> it = opened.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Instant> e = it.next();
            if (now.isBefore(e.getValue())) {
                continue;
            }
            rooms.find(e.getKey()).ifPresent(rooms::removeIfEmpty);
            if (rooms.find(e.getKey()).isEmpty()) {
                LOG.info("Room {} of the timetable closed here (or is held by another node)", e.getKey());
                claims.closed(e.getKey());
                it.remove();
            }
        }
    }

    private void claim(TimetableLesson lesson, Instant closes) {
        if (claims == Claims.SINGLE_NODE) {
            open(lesson, closes);
            return;
        }
        claiming.add(lesson.id());
        claims.claim(lesson.id()).whenComplete((won, failure) -> {
            synchronized (this) {
                claiming.remove(lesson.id());
                if (failure != null) {
                    LOG.warn("Room {} of the timetable: its lease could not be claimed: {}", lesson.id(),
                            failure.getMessage());
                } else if (won) {
                    open(lesson, closes);
                } else {
                    // Another node holds it; it runs the room, this node routes to it.
                    opened.put(lesson.id(), closes);
                }
            }
        });
    }

    private void open(TimetableLesson lesson, Instant closes) {
        try {
            Room room = rooms.open(lesson.id(), lesson.title(), lesson.classrooms(), lesson.host(), closes);
            LOG.info("Room {} ({}) opened from the timetable with classrooms {}, host {}", room.id(), lesson.title(),
                    room.classrooms(), lesson.host());
            opened.put(lesson.id(), closes);
        } catch (RoomException e) {
            if (e.problem() == RoomProblem.ROOM_EXISTS) {
                // Someone opened it ad hoc first: it stays theirs.
                opened.put(lesson.id(), closes);
            } else {
                LOG.warn("Room {} of the timetable could not be opened: {}", lesson.id(), e.getMessage());
            }
        }
    }
}
