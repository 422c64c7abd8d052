package org.tongke.signaling.held;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tongke.signaling.room.AttendanceReport;
import org.tongke.signaling.room.LessonRun;

/**
 * A lesson held live, as the recorder takes it ({@code "type": "held-lesson", "version": 1};
 * docs/api/recorder.md): the lesson is the room's id, the classrooms those present, each rural
 * one with the attendance it last reported.
 *
 * @param node the signaling node whose room it was
 */
public record HeldLessonReport(String lesson, Instant startedAt, Instant endedAt, String ending, String node,
        List<Classroom> classrooms) {
    public static final String TYPE = "held-lesson";
    public static final int VERSION = 1;

    public HeldLessonReport {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        classrooms = List.copyOf(classrooms);
    }

    /** One classroom present; {@code attendance} null when it reported none. */
    public record Classroom(String classroom, boolean host, AttendanceReport attendance) {
    }

    public static HeldLessonReport of(LessonRun run, String node) {
        List<Classroom> classrooms = new ArrayList<>();
        for (String classroom : run.present()) {
            classrooms.add(new Classroom(classroom, classroom.equals(run.host()), run.attendance().get(classroom)));
        }
        return new HeldLessonReport(run.room(), run.startedAt(), run.endedAt(), run.ending(), node, classrooms);
    }
}
