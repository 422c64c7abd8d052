package org.tongke.signaling.schedule;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the server learns the published timetable: each recording classroom's schedule, the
 * lessons to open rooms for, and when they change. {@link Timetable} is the one built from a
 * scheduler plan; {@link #none()} a server without a timetable (rooms are opened ad hoc only).
 */
public interface ScheduleSource {
    /** Every time in a schedule is in this zone. */
    String TIME_ZONE = "Asia/Shanghai";
    /** How far ahead a schedule reaches, in days from today. */
    int DAYS_AHEAD = 14;

    /** The classroom's schedule; empty when there is no timetable (or it is not a recording classroom of it). */
    Optional<ClassroomSchedule> schedule(String classroom);

    /** The county's recording classrooms. */
    List<KnownClassroom> classrooms();

    /** The lessons from today on, at most {@link #DAYS_AHEAD} days ahead, in start order. */
    List<TimetableLesson> lessons();

    /** Calls {@code listener} with the classrooms whose schedule changed, after each change. */
    void subscribe(Consumer<Set<String>> listener);

    /** The county of the timetable; empty without one. */
    default Optional<String> county() {
        return Optional.empty();
    }

    /** Looks at the clock again: at midnight a new day comes into the schedules. Cheap; run it every minute. */
    default void refresh() {
    }

    /** No timetable: no schedules, no lessons, never a change. */
    static ScheduleSource none() {
        return new ScheduleSource() {
            @Override
            public Optional<ClassroomSchedule> schedule(String classroom) {
                return Optional.empty();
            }

            @Override
            public List<KnownClassroom> classrooms() {
                return List.of();
            }

            @Override
            public List<TimetableLesson> lessons() {
                return List.of();
            }

            @Override
            public void subscribe(Consumer<Set<String>> listener) {
            }
        };
    }
}
