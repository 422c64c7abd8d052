package org.tongke.config.school;

/** What a class does in one period of its weekly timetable. */
public enum SlotKind {
    /** A subject taught by a teacher. */
    LESSON,
    /** Self-study (自习): the class is in, no lesson; a synchronized lesson may take it. */
    SELF_STUDY,
    /** Nothing planned (空). */
    FREE
}
