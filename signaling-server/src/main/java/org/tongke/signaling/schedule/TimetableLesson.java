package org.tongke.signaling.schedule;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One dated lesson of the timetable, as the server opens its room.
 *
 * @param id        the occurrence id ({@code c1-math#1@2021-09-06}), the room's id
 * @param host      the lead teacher's recording classroom ({@code school/room})
 * @param receivers the rural recording classrooms
 */
public record TimetableLesson(String id, String title, OffsetDateTime start, OffsetDateTime end, String host,
        List<String> receivers) {
    public TimetableLesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(host, "host");
        receivers = List.copyOf(receivers);
    }

    /** The host first, then the receivers: the room's classrooms. */
    public List<String> classrooms() {
        List<String> all = new java.util.ArrayList<>();
        all.add(host);
        receivers.stream().filter(r -> !r.equals(host)).forEach(all::add);
        return List.copyOf(all);
    }
}
