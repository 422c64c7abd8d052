package org.tongke.signaling.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The staff view of the classrooms as JSON ({@code GET /api/classrooms}):
 * {@code {"serverTime", "classrooms": [{classroom, school, schoolName, name, state, node, agent,
 * connectedAt, lastHeartbeat, healthAt, health, acknowledgedVersion, scheduleVersion, room,
 * offlineSince}]}}, times ISO-8601 UTC,
 * {@code health} as the agent sent it (or null).
 */
public final class ClassroomsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassroomsJson() {
    }

    public static String write(List<ClassroomStatus> classrooms, Instant now) {
        ObjectNode root = JSON.createObjectNode().put("serverTime", now.toString());
        ArrayNode list = root.putArray("classrooms");
        for (ClassroomStatus c : classrooms) {
            ObjectNode o = list.addObject();
            o.put("classroom", c.classroom()).put("school", c.school()).put("schoolName", c.schoolName())
                    .put("name", c.name()).put("state", c.state()).put("node", c.node())
                    .put("agent", c.agent()).put("connectedAt", text(c.connectedAt()))
                    .put("lastHeartbeat", text(c.lastHeartbeat())).put("healthAt", text(c.healthAt()));
            o.set("health", c.health() == null ? null : JSON.valueToTree(c.health()));
            o.put("acknowledgedVersion", c.acknowledgedVersion()).put("scheduleVersion", c.scheduleVersion())
                    .put("room", c.room()).put("offlineSince", text(c.offlineSince()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unable to write the classrooms", e);
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    /** {@code {"error": {"code", "message"}}}, the scheduler API's form of an error. */
    public static String error(String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("code", code).put("message", message);
        return root.toString();
    }
}
