package org.tongke.agent.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.tongke.agent.schedule.Schedule;
import org.tongke.agent.schedule.ScheduledLesson;

/**
 * The one codec of the agent's signaling messages (protocol version 1). Decoding refuses what
 * the protocol says cannot be ({@link IllegalArgumentException}); unknown fields are ignored.
 */
public final class AgentCodec {
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Times as the protocol writes them: to the second, with the offset ({@code 2021-11-24T13:30:00+08:00}). */
    public static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private AgentCodec() {
    }

    public static ServerMessage decodeServer(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (root.path("v").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("protocol version " + root.path("v") + ", expected " + VERSION);
        }
        long seq = root.path("seq").asLong(0);
        String type = text(root, "type");
        return switch (type) {
            case "welcome" -> new ServerMessage.Welcome(seq, text(root, "session"),
                    root.path("heartbeatSeconds").asInt(15), root.path("resumed").asBoolean(false));
            case "pong" -> new ServerMessage.Pong(seq, root.path("t").asLong(), root.path("serverTime").asLong(-1));
            case "schedule" -> new ServerMessage.ScheduleMessage(seq, schedule(root));
            case "command" -> new ServerMessage.Command(seq, text(root, "id"), text(root, "command"),
                    root.hasNonNull("minutes") ? root.get("minutes").asInt() : null, optText(root, "lesson"),
                    optText(root, "from"));
            case "snapshot" -> snapshot(seq, root);
            case "delta" -> root.path("change").path("kind").asText().equals("lesson")
                    ? new ServerMessage.LessonChange(seq, text(root, "room"), text(root.path("change"), "state"))
                    : new ServerMessage.Other(seq, type);
            case "error" -> new ServerMessage.Error(seq, text(root, "code"), optText(root, "message"), optText(root, "ref"));
            default -> new ServerMessage.Other(seq, type);
        };
    }

    private static ServerMessage.Snapshot snapshot(long seq, JsonNode root) {
        JsonNode state = root.path("state");
        List<String> recording = new ArrayList<>();
        for (JsonNode c : state.path("recording")) {
            recording.add(c.asText());
        }
        return new ServerMessage.Snapshot(seq, text(root, "room"), text(state, "lesson"), recording);
    }

    private static Schedule schedule(JsonNode root) {
        long version = root.path("version").asLong(-1);
        if (version < 0) {
            throw new IllegalArgumentException("schedule without a version");
        }
        List<ScheduledLesson> lessons = new ArrayList<>();
        for (JsonNode l : root.path("lessons")) {
            try {
                lessons.add(new ScheduledLesson(text(l, "lesson"), optText(l, "title"), optText(l, "school"),
                        optText(l, "role"), OffsetDateTime.parse(text(l, "start")), OffsetDateTime.parse(text(l, "end"))));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("a lesson's time is not ISO-8601: " + e.getParsedString());
            }
        }
        String zone = root.hasNonNull("timeZone") ? root.get("timeZone").asText() : "Asia/Shanghai";
        return new Schedule(text(root, "classroom"), version, zone, lessons);
    }

    /** The schedule as the server sends it (also the cache file's form). */
    public static String encodeSchedule(Schedule s) {
        ObjectNode o = message("schedule");
        o.put("classroom", s.classroom());
        o.put("version", s.version());
        o.put("timeZone", s.timeZone());
        ArrayNode lessons = o.putArray("lessons");
        for (ScheduledLesson l : s.lessons()) {
            ObjectNode n = lessons.addObject();
            n.put("lesson", l.lesson());
            n.put("title", l.title());
            n.put("school", l.school());
            n.put("role", l.role());
            n.put("start", TIME.format(l.start()));
            n.put("end", TIME.format(l.end()));
        }
        return o.toString();
    }

    /** {@code hello}, with {@code resume} when a session is to be taken up (session null: a fresh one). */
    public static String hello(String token, String session, long lastSeq) {
        ObjectNode o = message("hello");
        o.put("token", token);
        if (session != null) {
            ObjectNode resume = o.putObject("resume");
            resume.put("session", session);
            resume.put("lastSeq", lastSeq);
        }
        return o.toString();
    }

    public static String ping(long t) {
        ObjectNode o = message("ping");
        o.put("t", t);
        return o.toString();
    }

    public static String scheduleAck(long version) {
        ObjectNode o = message("schedule-ack");
        o.put("version", version);
        return o.toString();
    }

    public static String join(String room) {
        ObjectNode o = message("join");
        o.put("room", room);
        return o.toString();
    }

    public static String leave(String room) {
        ObjectNode o = message("leave");
        o.put("room", room);
        return o.toString();
    }

    /** The agent says it started ({@code true}) or stopped recording the room's lesson. */
    public static String recording(String room, boolean recording) {
        ObjectNode o = message("recording");
        o.put("room", room);
        o.put("recording", recording);
        return o.toString();
    }

    public static String commandResult(String id, boolean ok, String text) {
        ObjectNode o = message("command-result");
        o.put("id", id);
        o.put("ok", ok);
        o.put("message", text);
        return o.toString();
    }

    public static String health(Health h) {
        ObjectNode o = message("health");
        ArrayNode sources = o.putArray("sources");
        for (Health.SourceHealth s : h.sources()) {
            ObjectNode n = sources.addObject();
            n.put("name", s.name());
            n.put("state", s.state());
            n.put("fps", Math.round(s.fps() * 10) / 10.0);
            n.put("error", s.error());
        }
        ObjectNode disk = o.putObject("disk");
        disk.put("freeBytes", h.disk().freeBytes());
        disk.put("totalBytes", h.disk().totalBytes());
        disk.put("full", h.disk().full());
        ObjectNode backlog = o.putObject("backlog");
        backlog.put("files", h.backlog().files());
        backlog.put("bytes", h.backlog().bytes());
        backlog.put("oldest", h.backlog().oldest() == null ? null : TIME.format(h.backlog().oldest()));
        o.put("scheduleVersion", h.scheduleVersion());
        if (h.clockOffsetMs() == null) {
            o.putNull("clockOffsetMs");
        } else {
            o.put("clockOffsetMs", h.clockOffsetMs());
        }
        o.put("recording", h.recording());
        return o.toString();
    }

    private static ObjectNode message(String type) {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", VERSION);
        o.put("type", type);
        return o;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not text");
        }
        return value.asText();
    }

    private static String optText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
