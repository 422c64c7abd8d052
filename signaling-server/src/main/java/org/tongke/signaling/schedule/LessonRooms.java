package org.tongke.signaling.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
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

    private final ScheduleSource timetable;
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
            if (now.isBefore(opens) || !now.isBefore(lesson.end().toInstant()) || opened.containsKey(lesson.id())) {
                continue;
            }
            open(lesson, closes);
        }
        for (Iterator<Map.Entry<String, Instant>> it = opened.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Instant> e = it.next();
            if (now.isBefore(e.getValue())) {
                continue;
            }
            rooms.find(e.getKey()).ifPresent(rooms::removeIfEmpty);
            if (rooms.find(e.getKey()).isEmpty()) {
                LOG.info("Room {} of the timetable closed", e.getKey());
                it.remove();
            }
        }
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
