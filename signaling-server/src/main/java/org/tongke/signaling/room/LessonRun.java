package org.tongke.signaling.room;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lesson that ran in a room: started by the lead teacher, then ended by them ({@code ended})
 * or with its room closing after the lesson's time while still live ({@code room-closed}).
 *
 * @param host       the lead teacher's classroom, when known (a room of the timetable, or a token naming it)
 * @param present    the classrooms that were in the lesson while it was live (teachers' and agents', not staff's)
 * @param attendance what each rural classroom last reported
 */
public record LessonRun(String room, String title, Instant startedAt, Instant endedAt, String ending, String host,
        List<String> present, Map<String, AttendanceReport> attendance) {
    public static final String ENDED = "ended";
    public static final String ROOM_CLOSED = "room-closed";

    public LessonRun {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(ending, "ending");
        present = List.copyOf(present);
        attendance = Map.copyOf(attendance);
    }
}
