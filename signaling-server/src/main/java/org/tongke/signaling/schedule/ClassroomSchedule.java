package org.tongke.signaling.schedule;

import java.util.List;
import java.util.Objects;
import org.tongke.signaling.protocol.ServerMessage;

/**
 * One recording classroom's lessons from today on, at most {@link ScheduleSource#DAYS_AHEAD}
 * days ahead, in start order.
 *
 * @param version rises whenever {@code lessons} change
 */
public record ClassroomSchedule(String classroom, long version, List<ServerMessage.ScheduledLesson> lessons) {
    public ClassroomSchedule {
        Objects.requireNonNull(classroom, "classroom");
        lessons = List.copyOf(lessons);
    }

    public ServerMessage.Schedule message() {
        return new ServerMessage.Schedule(classroom, version, ScheduleSource.TIME_ZONE, lessons);
    }
}
