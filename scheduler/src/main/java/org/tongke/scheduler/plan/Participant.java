package org.tongke.scheduler.plan;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One room of a lesson: the school, the recording classroom the lesson runs in there, the class
 * that takes part, its teacher (the lead teacher in the host room, the assistant teacher in a
 * receiving room; null when none is named), and the period of that school's own bell schedule
 * the lesson occupies, with what the class had in that period before ({@link Displaces}).
 */
public record Participant(
        String school,
        String schoolName,
        String classroom,
        String classId,
        String className,
        String teacher,
        int period,
        LocalTime periodStart,
        LocalTime periodEnd,
        Displaces displaces) {

    public Participant {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolName, "schoolName");
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(displaces, "displaces");
    }

    /** What the class's own timetable had in the period the lesson takes. */
    public enum Displaces {
        /** Its own period of the lesson's subject: the lesson replaces it. */
        SAME_SUBJECT,
        /** Self-study (自习). */
        SELF_STUDY,
        /** Nothing planned (空), or no entry in the timetable. */
        FREE
    }
}
