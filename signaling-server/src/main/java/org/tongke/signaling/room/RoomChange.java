package org.tongke.signaling.room;

import java.util.List;

/** One change of a room; on the wire a {@code delta}'s {@code change}, its {@link #kind()} a field. */
public interface RoomChange {
    /** The {@code kind} word on the wire. */
    String kind();

    record Joined(Participant participant) implements RoomChange {
        public String kind() {
            return "joined";
        }
    }

    /** @param reason {@code left}, or why the connection ended ({@code heartbeat-timeout}, ...) */
    record Left(Participant participant, String reason) implements RoomChange {
        public String kind() {
            return "left";
        }
    }

    /**
     * The participant's connection dropped; they stay in the room for the resume grace period.
     *
     * @param reason why the connection ended ({@code connection-lost}, {@code heartbeat-timeout}, ...)
     */
    record Away(Participant participant, String reason) implements RoomChange {
        public String kind() {
            return "away";
        }
    }

    /** An away participant resumed their session. */
    record Back(Participant participant) implements RoomChange {
        public String kind() {
            return "back";
        }
    }

    /** The hand queue after a raise or lower, first raised first. */
    record Hands(List<String> queue) implements RoomChange {
        public Hands {
            queue = List.copyOf(queue);
        }

        public String kind() {
            return "hands";
        }
    }

    /** @param classroom who has the floor now, null for nobody */
    record Floor(String classroom) implements RoomChange {
        public String kind() {
            return "floor";
        }
    }

    record Muted(String classroom, boolean muted) implements RoomChange {
        public String kind() {
            return "muted";
        }
    }

    record Locked(String classroom, boolean locked) implements RoomChange {
        public String kind() {
            return "locked";
        }
    }

    /** @param classroom the spotlit classroom, null for none */
    record Spotlight(String classroom) implements RoomChange {
        public String kind() {
            return "spotlight";
        }
    }

    record Chat(ChatEntry entry) implements RoomChange {
        public String kind() {
            return "chat";
        }
    }

    record Attendance(String classroom, AttendanceReport report) implements RoomChange {
        public String kind() {
            return "attendance";
        }
    }

    /** @param state {@code waiting}, {@code live} or {@code ended} */
    record Lesson(String state) implements RoomChange {
        public String kind() {
            return "lesson";
        }
    }

    /** @param mode {@code p2p} or {@code bridge} (see {@link MediaMode}), after classrooms came or went */
    record Media(String mode) implements RoomChange {
        public String kind() {
            return "media";
        }
    }

    /** A classroom's agent started or stopped recording the lesson. */
    record Recording(String classroom, boolean recording) implements RoomChange {
        public String kind() {
            return "recording";
        }
    }
}
