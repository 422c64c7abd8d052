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

    record Pong(long t) implements ServerMessage {
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
}
