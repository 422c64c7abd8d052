package org.tongke.signaling.schedule;

import java.util.List;
import java.util.Objects;

/**
 * What the server takes from a plan: its county, its version when the scheduler said (null for a
 * plan file), every dated lesson, and the recording classrooms the lessons name.
 */
public record LoadedPlan(String county, Long version, List<TimetableLesson> lessons, List<KnownClassroom> classrooms) {
    public LoadedPlan {
        Objects.requireNonNull(county, "county");
        lessons = List.copyOf(lessons);
        classrooms = List.copyOf(classrooms);
    }
}
