package org.tongke.scheduler.check;

/** The hard rules a plan must keep; {@link #key()} is the spelling used in JSON and docs. */
public enum Rule {
    /** Ids are well formed ({@code <requirement>#<n>}, {@code <weekly>@<date>}) and unique. */
    ID("id"),
    /** Schools, classes, teachers, subject, kind and length match the requirement in the configuration. */
    REQUIREMENT("requirement"),
    /** The lesson lies inside one period at every school, and the participant names that period. */
    PERIOD("period"),
    /** The class's own period is the same subject, self-study or free, or another subject moved by a swap. */
    OWN_PERIOD("own-period"),
    /** A participant's {@code displaces} says what the class's own timetable has in that period. */
    DISPLACES("displaces"),
    /**
     * A swap (调课) is in a receiving room of a requirement that allows one, moves the lesson the
     * class has in that period, to a period where the class and that lesson's teacher are free.
     */
    SWAP("swap"),
    /** The room named is a recording classroom of that school. */
    CLASSROOM("classroom"),
    /** A teacher of the lesson does not teach another class in that period of the school's timetable. */
    TIMETABLE_CLASH("timetable-clash"),
    /** No teacher, class or recording classroom is in two occurrences at overlapping times. */
    DOUBLE_BOOKING("double-booking"),
    /** The host and assistant teachers are not unavailable then. */
    UNAVAILABLE("unavailable"),
    /** The date is a teaching day of every school, following the occurrence's timetable day. */
    TEACHING_DAY("teaching-day"),
    /** An occurrence keeps its weekly lesson's requirement, subject, weekday and times. */
    WEEKLY_PATTERN("weekly-pattern"),
    /** An offline research session falls on a teaching day of every participant's school. */
    RESEARCH_DAY("research-day"),
    /** A research session does not overlap a participant's lessons that day. */
    RESEARCH_CLASH("research-clash"),
    /** A research session comes after the first lesson of each lesson it follows. */
    RESEARCH_ORDER("research-order");

    private final String key;

    Rule(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
