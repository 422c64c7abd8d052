package org.tongke.signaling.schedule;

import java.util.Objects;

/**
 * A recording classroom of the county, with the names people read.
 *
 * @param id         {@code school/room}, as tokens and the plan name it
 * @param schoolName the school's name ({@code 城西小学}); the school id when no name is known
 * @param name       the classroom's name ({@code 录播教室}); its id when no name is known
 */
public record KnownClassroom(String id, String schoolName, String name) {
    public KnownClassroom {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schoolName, "schoolName");
        Objects.requireNonNull(name, "name");
    }

    public String school() {
        return id.substring(0, id.indexOf('/'));
    }
}
