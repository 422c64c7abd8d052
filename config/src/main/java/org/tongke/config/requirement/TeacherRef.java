package org.tongke.config.requirement;

import java.util.Objects;

/** A teacher named by school and teacher id (teacher ids are unique within a school only). */
public record TeacherRef(String school, String teacher) {
    public TeacherRef {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(teacher, "teacher");
    }
}
