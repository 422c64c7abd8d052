package org.tongke.signaling.room;

import java.util.Objects;

/**
 * Someone in a room, as their verified token says.
 *
 * @param classroom the classroom they speak for ({@code school/room}), null when their token is
 *                  not scoped to one classroom (staff, lesson-scoped teachers)
 */
public record Participant(String session, String role, String subject, String classroom) {
    public Participant {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
    }
}
