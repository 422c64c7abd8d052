package org.tongke.agent.schedule;

import java.util.Comparator;
import java.util.List;

/** A classroom's whole schedule from now on, as of {@code version} (compared with {@code >} only). */
public record Schedule(String classroom, long version, String timeZone, List<ScheduledLesson> lessons) {
    public Schedule {
        lessons = lessons.stream().sorted(Comparator.comparing(ScheduledLesson::startInstant)).toList();
    }

    /** No schedule yet: version 0 records nothing. */
    public static Schedule none(String classroom) {
        return new Schedule(classroom, 0, "Asia/Shanghai", List.of());
    }
}
