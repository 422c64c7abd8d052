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

    /** Longest command id, source name or other short word of an agent's message. */
    int MAX_WORD = 64;
    /** Longest free text of an agent (a source's error, a command result's message). */
    int MAX_TEXT = 500;
    /** A classroom has a handful of cameras and microphones; more sources than this is no classroom. */
    int MAX_SOURCES = 16;
    /** Longest recording an agent may be told to make now, in minutes (a school half-day). */
    int MAX_COMMAND_MINUTES = 240;
    /** A clock this far off is broken, not skewed: one day, in milliseconds. */
    long MAX_CLOCK_OFFSET_MS = 86_400_000L;
    /** Backlog bounds: more files or bytes than this are a report gone wrong. */
    long MAX_BACKLOG_FILES = 1_000_000L;
    long MAX_BYTES = 1L << 50;
    /** What an agent's source (camera, microphone) may be doing. */
    Set<String> SOURCE_STATES = Set.of("idle", "starting", "recording", "reopening", "failed");
    /** What staff or the lead teacher may ask an agent. */
    Set<String> COMMANDS = Set.of("start-now", "stop-now", "status");

    /** An agent has written the schedule of this {@code version} to disk. */
    record ScheduleAck(Long version) implements ClientMessage {
        public ScheduleAck {
            Fields.range(version, "version", 0, Long.MAX_VALUE);
        }
    }

    /**
     * An agent's report, every heartbeat.
     *
     * @param scheduleVersion the schedule version it works from, null when it has none
     * @param clockOffsetMs   server time minus its own, as it measured from pongs; null before it knows
     * @param recording       the lesson it is recording, null when none
     */
    record Health(List<Source> sources, Disk disk, Backlog backlog, Long scheduleVersion, Long clockOffsetMs,
            String recording) implements ClientMessage {
        public Health {
            sources = Fields.list(sources, "sources", MAX_SOURCES);
            Fields.require(disk, "disk");
            Fields.require(backlog, "backlog");
            if (scheduleVersion != null) {
                Fields.range(scheduleVersion, "scheduleVersion", 0, Long.MAX_VALUE);
            }
            if (clockOffsetMs != null) {
                Fields.range(clockOffsetMs, "clockOffsetMs", -MAX_CLOCK_OFFSET_MS, MAX_CLOCK_OFFSET_MS);
            }
            Fields.optionalText(recording, "recording", MAX_ID);
        }
    }

    /** A camera or microphone of the classroom; {@code fps} null when not measured, {@code error} null when fine. */
    record Source(String name, String state, Double fps, String error) {
        public Source {
            Fields.text(name, "sources.name", MAX_WORD);
            Fields.oneOf(state, "sources.state", SOURCE_STATES);
            if (fps != null && !(fps >= 0 && fps <= 1000)) {
                throw new IllegalArgumentException("field 'sources.fps' must be 0 to 1000");
            }
            Fields.optionalText(error, "sources.error", MAX_TEXT);
        }
    }

    record Disk(Long freeBytes, Long totalBytes, Boolean full) {
        public Disk {
            Fields.range(totalBytes, "disk.totalBytes", 0, MAX_BYTES);
            Fields.range(freeBytes, "disk.freeBytes", 0, totalBytes);
            Fields.require(full, "disk.full");
        }
    }

    /** Recordings not yet uploaded; {@code oldest} null when there are none. */
    record Backlog(Integer files, Long bytes, String oldest) {
        public Backlog {
            Fields.range(files == null ? null : files.longValue(), "backlog.files", 0, MAX_BACKLOG_FILES);
            Fields.range(bytes, "backlog.bytes", 0, MAX_BYTES);
            Fields.optionalDateTime(oldest, "backlog.oldest");
        }
    }

    /**
     * Staff or a lead teacher ask a classroom's agent to do something.
     *
     * @param id      the sender's own id for the command, echoed in its result
     * @param minutes for {@code start-now}: how long to record, null for the agent's default
     * @param lesson  for {@code start-now}: the lesson to file the recording under, null for none
     */
    record AgentCommand(String classroom, String command, String id, Integer minutes, String lesson)
            implements ClientMessage {
        public AgentCommand {
            Fields.text(classroom, "classroom", MAX_ID);
            Fields.oneOf(command, "command", COMMANDS);
            Fields.text(id, "id", MAX_WORD);
            if (minutes != null) {
                Fields.range(minutes.longValue(), "minutes", 1, MAX_COMMAND_MINUTES);
            }
            Fields.optionalText(lesson, "lesson", MAX_ID);
        }
    }

    /** An agent's answer to a {@code command}. */
    record CommandResult(String id, Boolean ok, String message) implements ClientMessage {
        public CommandResult {
            Fields.text(id, "id", MAX_WORD);
            Fields.require(ok, "ok");
            Fields.optionalText(message, "message", MAX_TEXT);
        }
    }

    /** An agent in a lesson room says it started or stopped recording the lesson. */
    record Recording(String room, Boolean recording) implements ForRoom {
        public Recording {
            Fields.text(room, "room", MAX_ID);
            Fields.require(recording, "recording");
        }
    }
}
