package org.tongke.signaling.protocol;

import java.util.List;
import java.util.Objects;
import org.tongke.signaling.ice.IceServer;
import org.tongke.signaling.room.RoomChange;
import org.tongke.signaling.room.RoomState;

/** Messages the server sends; on the wire each also carries {@code seq} (see {@link Sequenced}). */
public interface ServerMessage {

    /**
     * The answer to a good hello: who the token says the client is, and the ICE servers for WebRTC.
     *
     * @param resumed true when the hello's {@code resume} took up the named session again
     * @param replay  on a resume, {@link #REPLAY_BUFFER} (the missed messages follow with their
     *                original seq) or {@link #REPLAY_SNAPSHOT} (a fresh snapshot per room follows);
     *                null on a fresh session
     */
    record Welcome(String session, String role, String scope, String subject, long heartbeatSeconds,
            List<IceServer> iceServers, boolean resumed, String replay) implements ServerMessage {
        public static final String REPLAY_BUFFER = "buffer";
        public static final String REPLAY_SNAPSHOT = "snapshot";

        public Welcome {
            iceServers = List.copyOf(Objects.requireNonNull(iceServers, "iceServers"));
        }

        /** A fresh session's welcome. */
        public Welcome(String session, String role, String scope, String subject, long heartbeatSeconds,
                List<IceServer> iceServers) {
            this(session, role, scope, subject, heartbeatSeconds, iceServers, false, null);
        }
    }

    /** @param serverTime the server's clock, epoch milliseconds, for an agent to measure its offset */
    record Pong(long t, long serverTime) implements ServerMessage {
    }

    /** The whole room, sent to a client that joins. */
    record Snapshot(String room, RoomState state) implements ServerMessage {
        public Snapshot {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(state, "state");
        }
    }

    /** One change of a room, sent to everyone in it, in the order the changes happened. */
    record Delta(String room, RoomChange change) implements ServerMessage {
        public Delta {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(change, "change");
        }
    }

    /** @param code an {@link ErrorCode} name or {@code TOKEN_<PROBLEM>}; @param ref the offending message's type */
    record Error(String code, String message, String ref) implements ServerMessage {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A WebRTC signal relayed from another participant of the room, to this one alone.
     *
     * @param from    the sender's session id
     * @param payload the JSON object the sender gave, untouched
     */
    record Signal(String room, String from, String kind, Object payload) implements ServerMessage {
        public Signal {
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * A recording classroom's whole schedule from today on, sent to its agent.
     *
     * @param version  rises with every change of this classroom's schedule; compare with {@code >}
     * @param timeZone the zone of the lessons' times, {@code Asia/Shanghai}
     */
    record Schedule(String classroom, long version, String timeZone, List<ScheduledLesson> lessons)
            implements ServerMessage {
        public Schedule {
            Objects.requireNonNull(classroom, "classroom");
            Objects.requireNonNull(timeZone, "timeZone");
            lessons = List.copyOf(lessons);
        }
    }

    /**
     * One lesson of a schedule.
     *
     * @param lesson the occurrence id ({@code qt-01-sync#1@2021-11-24}), also the lesson room's id
     * @param school the name of the classroom's own school
     * @param role   {@code host} (the lead teacher's room) or {@code receiving}
     * @param start  ISO-8601 date-time with offset ({@code 2021-11-24T13:30:00+08:00})
     */
    record ScheduledLesson(String lesson, String title, String school, String role, String start, String end) {
        public static final String HOST = "host";
        public static final String RECEIVING = "receiving";

        public ScheduledLesson {
            Objects.requireNonNull(lesson, "lesson");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    /** A command forwarded to a classroom's agent; {@code from} is the sender's token subject. */
    record Command(String id, String command, Integer minutes, String lesson, String from) implements ServerMessage {
        public Command {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(from, "from");
        }
    }

    /** The agent's answer to a command, handed to whoever sent it; {@code classroom} is the agent's. */
    record CommandResult(String id, String classroom, boolean ok, String message) implements ServerMessage {
        public CommandResult {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(classroom, "classroom");
        }
    }
}
