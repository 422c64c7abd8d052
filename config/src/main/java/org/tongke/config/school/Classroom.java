package org.tongke.config.school;

import java.util.Objects;

/**
 * A room of a school. A recording classroom (录播教室) has an edge agent, named by
 * {@code agent}, that records its lessons and joins live ones.
 */
public record Classroom(String id, String name, boolean recording, String agent) {
    public Classroom {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (recording && (agent == null || agent.isBlank())) {
            throw new IllegalArgumentException("recording classroom " + id + " needs an agent id");
        }
    }
}
