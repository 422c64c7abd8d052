package org.tongke.signaling.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Messages a client sends. Each record's JSON is its components plus {@code v} and {@code type}
 * (the names in {@link MessageCodec}); compact constructors refuse missing fields.
 */
public interface ClientMessage extends Inbound {
    /** Longest room, classroom or title text accepted. */
    int MAX_ID = 200;
    /** Longest chat text, in characters. */
    int MAX_CHAT_CHARS = 500;

    /** Largest WebRTC signal payload (an SDP or an ICE candidate as JSON), in UTF-8 bytes. */
    int MAX_SIGNAL_PAYLOAD_BYTES = 16 * 1024;
    /** The kinds of WebRTC signal the server relays. */
    Set<String> SIGNAL_KINDS = Set.of("offer", "answer", "candidate");

    /** A message about one room. */
    interface ForRoom extends ClientMessage {
        String room();
    }

    /**
     * Must come first on a connection.
     *
     * @param resume null for a fresh session; else the session to take up again
     */
    record Hello(String token, Resume resume) implements ClientMessage {
        public Hello {
            Fields.require(token, "token");
        }

        public Hello(String token) {
            this(token, null);
        }
    }

    /**
     * Which session a reconnecting client had and the {@code seq} of the last message it saw.
     */
    record Resume(String session, Long lastSeq) {
        public Resume {
            Fields.text(session, "resume.session", MAX_ID);
            Fields.require(lastSeq, "resume.lastSeq");
            if (lastSeq < 0) {
                throw new IllegalArgumentException("field 'resume.lastSeq' must be 0 or more");
            }
        }
    }

    /** Heartbeat; {@code t} is echoed in the pong (the client's clock, for round-trip time). */
    record Ping(Long t) implements ClientMessage {
        public Ping {
            Fields.require(t, "t");
        }
    }

    /** Opens an ad hoc room and joins it (staff or lead teacher). */
    record OpenRoom(String room, String title, List<String> classrooms) implements ForRoom {
        public OpenRoom {
            Fields.text(room, "room", MAX_ID);
            Fields.text(title, "title", MAX_ID);
            classrooms = List.copyOf(Fields.require(classrooms, "classrooms"));
        }
    }

    record Join(String room) implements ForRoom {
        public Join {
            Fields.text(room, "room", MAX_ID);
        }
    }

    record Leave(String room) implements ForRoom {
        public Leave {
            Fields.text(room, "room", MAX_ID);
        }
    }

    record RaiseHand(String room) implements ForRoom {
        public RaiseHand {
            Fields.text(room, "room", MAX_ID);
        }
    }

    /** {@code classroom} absent: the sender's own; the lead teacher names one. */
    record LowerHand(String room, String classroom) implements ForRoom {
        public LowerHand {
            Fields.text(room, "room", MAX_ID);
        }
    }

    record GrantFloor(String room, String classroom) implements ForRoom {
        public GrantFloor {
            Fields.text(room, "room", MAX_ID);
            Fields.text(classroom, "classroom", MAX_ID);
        }
    }

    record RevokeFloor(String room) implements ForRoom {
        public RevokeFloor {
            Fields.text(room, "room", MAX_ID);
        }
    }

    record Mute(String room, String classroom, Boolean muted) implements ForRoom {
        public Mute {
            Fields.text(room, "room", MAX_ID);
            Fields.text(classroom, "classroom", MAX_ID);
            Fields.require(muted, "muted");
        }
    }

    record Lock(String room, String classroom, Boolean locked) implements ForRoom {
        public Lock {
            Fields.text(room, "room", MAX_ID);
            Fields.text(classroom, "classroom", MAX_ID);
            Fields.require(locked, "locked");
        }
    }

    /** {@code classroom} null: no spotlight. */
    record Spotlight(String room, String classroom) implements ForRoom {
        public Spotlight {
            Fields.text(room, "room", MAX_ID);
        }
    }

    record Chat(String room, String text) implements ForRoom {
        public Chat {
            Fields.text(room, "room", MAX_ID);
            Fields.text(text, "text", MAX_CHAT_CHARS);
        }
    }

    record Attendance(String room, Integer present, Integer total) implements ForRoom {
        public Attendance {
            Fields.text(room, "room", MAX_ID);
            Fields.require(present, "present");
            Fields.require(total, "total");
        }
    }

    record StartLesson(String room) implements ForRoom {
        public StartLesson {
            Fields.text(room, "room", MAX_ID);
        }
    }

    record EndLesson(String room) implements ForRoom {
        public EndLesson {
            Fields.text(room, "room", MAX_ID);
        }
    }

    /**
     * A WebRTC signal for one other participant of the room, relayed as it is.
     *
     * @param to      the addressee's session id, as the room's snapshot names participants
     * @param kind    {@code offer}, {@code answer} or {@code candidate}
     * @param payload the SDP ({@code {type, sdp}}) or ICE candidate ({@code {candidate, sdpMid, ...}}) as a JSON object
     */
    record Signal(String room, String to, String kind, JsonNode payload) implements ForRoom {
        public Signal {
            Fields.text(room, "room", MAX_ID);
            Fields.text(to, "to", MAX_ID);
            Fields.require(kind, "kind");
            if (!SIGNAL_KINDS.contains(kind)) {
                throw new IllegalArgumentException("field 'kind' must be offer, answer or candidate");
            }
            Fields.require(payload, "payload");
            if (!payload.isObject()) {
                throw new IllegalArgumentException("field 'payload' must be a JSON object");
            }
            if (payload.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SIGNAL_PAYLOAD_BYTES) {
                throw new IllegalArgumentException("field 'payload' is over " + MAX_SIGNAL_PAYLOAD_BYTES + " bytes");
            }
        }
    }
}
