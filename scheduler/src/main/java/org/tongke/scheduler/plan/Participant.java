package org.tongke.scheduler.plan;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One room of a lesson: the school, the recording classroom the lesson runs in there, the class
 * that takes part, its teacher (the lead teacher in the host room, the assistant teacher in a
 * receiving room; null when none is named), and the period of that school's own bell schedule
 * the lesson occupies, with what the class had in that period before ({@link Displaces}) and,
 * when that was another subject's lesson moved away, where it went ({@link Swap}, else null).
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
        Displaces displaces,
        Swap swap) {

    public Participant {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(schoolName, "schoolName");
        Objects.requireNonNull(classId, "classId");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(displaces, "displaces");
        if ((displaces == Displaces.SWAPPED) != (swap != null)) {
            throw new IllegalArgumentException("a swap is given exactly when the class's own period is swapped");
        }
    }

    /**
     * Where the class's own lesson of another subject goes when the requirement allows a swap
     * (调课): that lesson ({@code subject}, taught by {@code teacher}) moves to period
     * {@code period} on {@code day}, which the class had free or in self-study.
     */
    public record Swap(java.time.DayOfWeek day, int period, String subject, String teacher) {
        public Swap {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(teacher, "teacher");
        }
    }

    /** What the class's own timetable had in the period the lesson takes. */
    public enum Displaces {
        /** Its own period of the lesson's subject: the lesson replaces it. */
        SAME_SUBJECT,
        /** Self-study (自习). */
        SELF_STUDY,
        /** Nothing planned (空), or no entry in the timetable. */
        FREE,
        /** Another subject's lesson, moved to a free period by a swap ({@link Swap}). */
        SWAPPED
    }
}
