package org.tongke.recorder.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the timetable says about one lesson: the title people see, its community, kind,
 * subject, grade (of the host class; 0 when unknown), date and time, and its rooms, host first.
 * An ad hoc lesson the plan does not know carries only what its id and classroom tell; a
 * resource standing alone has no lesson id.
 */
public record LessonMetadata(
        String lessonId,
        String title,
        String communityId,
        String communityName,
        LessonKind kind,
        String subject,
        int grade,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        List<Room> rooms) {

    public LessonMetadata {
        Objects.requireNonNull(title, "title");
        rooms = List.copyOf(rooms);
    }

    public Stream<Room> hosts() {
        return rooms.stream().filter(r -> r.role() == Room.Role.HOST);
    }

    public Stream<Room> receivers() {
        return rooms.stream().filter(r -> r.role() == Room.Role.RECEIVER);
    }
}
