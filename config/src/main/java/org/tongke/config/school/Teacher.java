package org.tongke.config.school;

import java.util.List;
import java.util.Objects;

/** A teacher of one school and the subjects they teach. */
public record Teacher(String id, String name, List<String> subjects, List<Unavailability> unavailable) {
    public Teacher {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        subjects = List.copyOf(Objects.requireNonNull(subjects, "subjects"));
        unavailable = List.copyOf(Objects.requireNonNull(unavailable, "unavailable"));
    }

    public boolean teaches(String subject) {
        return subjects.contains(subject);
    }
}
