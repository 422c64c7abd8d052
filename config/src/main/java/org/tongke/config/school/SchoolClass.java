package org.tongke.config.school;

import java.util.Objects;

/** A class (班级) of one grade; {@code homeroom} is its own classroom id, or null. */
public record SchoolClass(String id, int grade, String name, int size, String homeroom) {
    public SchoolClass {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (grade < 1 || grade > 9) {
            throw new IllegalArgumentException("grade must be 1 to 9: " + grade);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be 1 or more: " + size);
        }
    }
}
