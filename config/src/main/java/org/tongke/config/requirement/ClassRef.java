package org.tongke.config.requirement;

import java.util.Objects;

/** A class of a school, with the teacher who stands in that room (lead or assistant), if named. */
public record ClassRef(String school, String classId, String teacher) {
    public ClassRef {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(classId, "classId");
    }
}
