package org.tongke.signaling.protocol;

import java.util.Objects;
import org.tongke.signaling.room.RoomChange;
import org.tongke.signaling.room.RoomState;

/** Messages the server sends; on the wire each also carries {@code seq} (see {@link Sequenced}). */
public interface ServerMessage {

    /** The answer to a good hello: who the token says the client is. */
    record Welcome(String session, String role, String scope, String subject, long heartbeatSeconds)
            implements ServerMessage {
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
}
