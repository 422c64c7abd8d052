package org.tongke.signaling.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The classroom's priorities as the bridge's receiver video constraints (sent to the bridge
 * over each console's bridge channel, keyed by video source name): the lead teacher's camera
 * and the room holding the floor in high quality for everyone; the lead teacher sees the rural
 * rooms in standard quality; rural rooms see each other in low quality.
 */
public final class ReceiverConstraints {
    public static final int HIGH = 720;
    public static final int STANDARD = 360;
    public static final int LOW = 180;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReceiverConstraints() {
    }

    /**
     * The message for one viewer. {@code hostSource} is the lead teacher's video source name,
     * {@code floorSource} the video source of the rural room with the floor (or null).
     */
    public static ObjectNode forViewer(boolean viewerIsHost, String hostSource, String floorSource) {
        Objects.requireNonNull(hostSource, "hostSource");
        ObjectNode message = JSON.createObjectNode();
        message.put("colibriClass", "ReceiverVideoConstraints");
        message.put("lastN", -1);
        var onStage = message.putArray("onStageSources");
        if (!viewerIsHost) {
            onStage.add(hostSource);
        }
        if (floorSource != null) {
            onStage.add(floorSource);
        }
        message.putObject("defaultConstraints").put("maxHeight", viewerIsHost ? STANDARD : LOW);
        ObjectNode constraints = message.putObject("constraints");
        if (!viewerIsHost) {
            constraints.putObject(hostSource).put("maxHeight", HIGH);
        }
        if (floorSource != null) {
            constraints.putObject(floorSource).put("maxHeight", HIGH);
        }
        return message;
    }
}
