package org.tongke.signaling.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The one codec of what nodes say to each other and keep in Redis: JSON text to and from the records. */
public final class NodeCodec {
    private static final Map<String, Class<? extends NodeMessage>> KINDS = Map.of(
            "act", NodeMessage.Act.class,
            "presence", NodeMessage.Presence.class,
            "deliver", NodeMessage.Deliver.class,
            "resumed", NodeMessage.Resumed.class,
            "command", NodeMessage.Command.class);

    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String encode(NodeMessage message) {
        ObjectNode out = json.createObjectNode().put("kind", message.kind());
        out.setAll((ObjectNode) json.valueToTree(message));
        return write(out);
    }

    /** {@link IllegalArgumentException} when {@code text} is no node message. */
    public NodeMessage decode(String text) {
        try {
            JsonNode node = json.readTree(text);
            Class<? extends NodeMessage> kind = KINDS.get(node.path("kind").asText());
            if (kind == null) {
                throw new IllegalArgumentException("unknown node message kind " + node.path("kind"));
            }
            return json.treeToValue(node, kind);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a node message: " + e.getOriginalMessage(), e);
        }
    }

    public String encodeRoom(NodeMessage.StoredRoom room) {
        return write(json.valueToTree(room));
    }

    public NodeMessage.StoredRoom decodeRoom(String text) {
        return read(text, NodeMessage.StoredRoom.class);
    }

    public String encodeSession(NodeMessage.StoredSession session) {
        return write(json.valueToTree(session));
    }

    public NodeMessage.StoredSession decodeSession(String text) {
        return read(text, NodeMessage.StoredSession.class);
    }

    public String encodeAgent(NodeMessage.StoredAgent agent) {
        return write(json.valueToTree(agent));
    }

    public NodeMessage.StoredAgent decodeAgent(String text) {
        return read(text, NodeMessage.StoredAgent.class);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unable to encode " + node.path("kind"), e);
        }
    }
}
