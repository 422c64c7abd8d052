package org.tongke.signaling.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tongke.signaling.room.RoomChange;

/**
 * The one codec of the protocol: JSON text to and from the message records, both directions
 * (the server decodes client messages; test clients, agents and the benchmark decode server
 * ones). Thread-safe. Decoding a client frame never throws: bad input becomes {@link Invalid}.
 */
public final class MessageCodec {
    public static final int VERSION = 1;

    private static final Map<String, Class<? extends ClientMessage>> CLIENT = new LinkedHashMap<>();
    private static final Map<String, Class<? extends ServerMessage>> SERVER = new LinkedHashMap<>();
    private static final Map<String, Class<? extends RoomChange>> CHANGES = new LinkedHashMap<>();

    static {
        CLIENT.put("hello", ClientMessage.Hello.class);
        CLIENT.put("ping", ClientMessage.Ping.class);
        CLIENT.put("open-room", ClientMessage.OpenRoom.class);
        CLIENT.put("join", ClientMessage.Join.class);
        CLIENT.put("leave", ClientMessage.Leave.class);
        CLIENT.put("raise-hand", ClientMessage.RaiseHand.class);
        CLIENT.put("lower-hand", ClientMessage.LowerHand.class);
        CLIENT.put("grant-floor", ClientMessage.GrantFloor.class);
        CLIENT.put("revoke-floor", ClientMessage.RevokeFloor.class);
        CLIENT.put("mute", ClientMessage.Mute.class);
        CLIENT.put("lock", ClientMessage.Lock.class);
        CLIENT.put("spotlight", ClientMessage.Spotlight.class);
        CLIENT.put("chat", ClientMessage.Chat.class);
        CLIENT.put("attendance", ClientMessage.Attendance.class);
        CLIENT.put("start-lesson", ClientMessage.StartLesson.class);
        CLIENT.put("end-lesson", ClientMessage.EndLesson.class);
        CLIENT.put("signal", ClientMessage.Signal.class);
        CLIENT.put("schedule-ack", ClientMessage.ScheduleAck.class);
        CLIENT.put("health", ClientMessage.Health.class);
        CLIENT.put("agent-command", ClientMessage.AgentCommand.class);
        CLIENT.put("command-result", ClientMessage.CommandResult.class);
        CLIENT.put("recording", ClientMessage.Recording.class);
        SERVER.put("welcome", ServerMessage.Welcome.class);
        SERVER.put("pong", ServerMessage.Pong.class);
        SERVER.put("snapshot", ServerMessage.Snapshot.class);
        SERVER.put("delta", ServerMessage.Delta.class);
        SERVER.put("error", ServerMessage.Error.class);
        SERVER.put("signal", ServerMessage.Signal.class);
        SERVER.put("schedule", ServerMessage.Schedule.class);
        SERVER.put("command", ServerMessage.Command.class);
        SERVER.put("command-result", ServerMessage.CommandResult.class);
        CHANGES.put("joined", RoomChange.Joined.class);
        CHANGES.put("left", RoomChange.Left.class);
        CHANGES.put("away", RoomChange.Away.class);
        CHANGES.put("back", RoomChange.Back.class);
        CHANGES.put("hands", RoomChange.Hands.class);
        CHANGES.put("floor", RoomChange.Floor.class);
        CHANGES.put("muted", RoomChange.Muted.class);
        CHANGES.put("locked", RoomChange.Locked.class);
        CHANGES.put("spotlight", RoomChange.Spotlight.class);
        CHANGES.put("chat", RoomChange.Chat.class);
        CHANGES.put("attendance", RoomChange.Attendance.class);
        CHANGES.put("lesson", RoomChange.Lesson.class);
        CHANGES.put("media", RoomChange.Media.class);
        CHANGES.put("recording", RoomChange.Recording.class);
    }

    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The client message in {@code text}, or {@link Invalid} saying what is wrong with it. */
    public Inbound decodeClient(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            return new Invalid(ErrorCode.BAD_JSON, "not JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            return new Invalid(ErrorCode.BAD_JSON, "a message is a JSON object", null);
        }
        String type = node.path("type").isTextual() ? node.get("type").asText() : null;
        if (node.path("v").asInt(-1) != VERSION || !node.path("v").isIntegralNumber()) {
            return new Invalid(ErrorCode.UNSUPPORTED_VERSION, "protocol version 'v' must be " + VERSION, type);
        }
        if (type == null) {
            return new Invalid(ErrorCode.BAD_MESSAGE, "missing field 'type'", null);
        }
        Class<? extends ClientMessage> record = CLIENT.get(type);
        if (record == null) {
            return new Invalid(ErrorCode.UNKNOWN_TYPE, "unknown message type '" + shorten(type) + "'", null);
        }
        try {
            return json.treeToValue(node, record);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Invalid(ErrorCode.BAD_MESSAGE, reason(e), type);
        }
    }

    public String encodeClient(ClientMessage message) {
        return write(envelope(typeOf(message, CLIENT)), json.valueToTree(message));
    }

    public String encodeServer(Sequenced sequenced) {
        ServerMessage message = sequenced.message();
        ObjectNode out = envelope(typeOf(message, SERVER));
        out.put("seq", sequenced.seq());
        ObjectNode body = json.valueToTree(message);
        if (message instanceof ServerMessage.Delta delta) {
            ObjectNode change = json.createObjectNode().put("kind", delta.change().kind());
            change.setAll((ObjectNode) json.valueToTree(delta.change()));
            body.set("change", change);
        }
        return write(out, body);
    }

    /** A server message; {@link IllegalArgumentException} when {@code text} is none. */
    public Sequenced decodeServer(String text) {
        try {
            ObjectNode node = (ObjectNode) json.readTree(text);
            Class<? extends ServerMessage> record = SERVER.get(node.path("type").asText());
            if (record == null) {
                throw new IllegalArgumentException("unknown server message type " + node.path("type"));
            }
            if (record == ServerMessage.Delta.class) {
                JsonNode change = node.path("change");
                Class<? extends RoomChange> kind = CHANGES.get(change.path("kind").asText());
                return new Sequenced(node.path("seq").asLong(), new ServerMessage.Delta(node.path("room").asText(),
                        json.treeToValue(change, kind)));
            }
            return new Sequenced(node.path("seq").asLong(), json.treeToValue(node, record));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a server message: " + e.getMessage(), e);
        }
    }

    private ObjectNode envelope(String type) {
        return json.createObjectNode().put("v", VERSION).put("type", type);
    }

    private String write(ObjectNode envelope, ObjectNode body) {
        envelope.setAll(body);
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unable to encode " + envelope.path("type"), e);
        }
    }

    private static <T> String typeOf(T message, Map<String, Class<? extends T>> types) {
        for (Map.Entry<String, Class<? extends T>> e : types.entrySet()) {
            if (e.getValue() == message.getClass()) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("no wire type for " + message.getClass().getName());
    }

    /** The deepest cause's message: the record's own words ("missing field 'room'"). */
    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return message == null ? "ill-formed message" : shorten(message);
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
