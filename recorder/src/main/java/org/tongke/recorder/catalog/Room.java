package org.tongke.recorder.catalog;

import java.util.Objects;

/**
 * One room of a lesson: the host room (the lead teacher and her class) or a receiving room (a
 * class with its assistant teacher). Teacher and class may be {@code null} when the timetable
 * names none (a research session has teachers but no class).
 */
public record Room(
        Role role,
        String schoolId,
        String schoolName,
        String classId,
        String className,
        String teacherId,
        String teacherName) {

    /** Which side of the lesson a room is on; {@link #word()} is the JSON form. */
    public enum Role {
        HOST("host"), RECEIVER("receiver"), PARTICIPANT("participant");

        private final String word;

        Role(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public Room {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(schoolId, "schoolId");
        schoolName = schoolName == null ? schoolId : schoolName;
        teacherName = teacherName == null ? teacherId : teacherName;
    }

    /** Teacher ids are unique within a school only, so filters name both. */
    public String teacherKey() {
        return teacherId == null ? null : schoolId + "/" + teacherId;
    }
}
