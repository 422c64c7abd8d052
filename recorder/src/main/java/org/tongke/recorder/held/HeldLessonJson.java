package org.tongke.recorder.held;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.tongke.config.export.DomainJson;

/**
 * The body of {@code POST /api/lessons/{lessonId}/held} ({@code "type": "held-lesson",
 * "version": 1}); the lesson's id is the path's. Every refusal is an
 * {@link IllegalArgumentException} whose message names the field.
 */
public final class HeldLessonJson {
    public static final String TYPE = "held-lesson";
    public static final int VERSION = 1;
    /** A lesson of 33 classrooms with attendance is a few kilobytes. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = DomainJson.mapper();

    private HeldLessonJson() {
    }

    public static HeldLesson read(String lessonId, String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object {\"type\":\"held-lesson\",\"version\":1,...}");
        }
        if (!TYPE.equals(root.path("type").asText(null)) || root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("the body must be of type held-lesson, version 1");
        }
        List<HeldLesson.Classroom> classrooms = new ArrayList<>();
        JsonNode list = root.get("classrooms");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("classrooms must be a list");
        }
        for (JsonNode c : list) {
            JsonNode attendance = c.get("attendance");
            boolean reported = attendance != null && !attendance.isNull();
            classrooms.add(new HeldLesson.Classroom(text(c, "classroom"), c.path("host").asBoolean(false),
                    reported ? integer(attendance, "present") : null, reported ? integer(attendance, "total") : null));
        }
        String ending = text(root, "ending");
        return new HeldLesson(lessonId, instant(root, "startedAt"), instant(root, "endedAt"),
                ending == null ? null : HeldLesson.Ending.fromWord(ending), classrooms, text(root, "node"));
    }

    /** What the recorder answers: the lesson and whether the report was new, changed it or changed nothing. */
    public static String stored(String lessonId, HeldLessons.Outcome outcome) {
        return MAPPER.createObjectNode().put("type", "held-lesson-stored").put("version", VERSION)
                .put("lesson", lessonId).put("state", outcome.word()).toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("attendance." + field + " must be a whole number");
        }
        return value.intValue();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a time with its offset"
                    + " (2021-09-06T13:30:00+08:00 or ...Z)");
        }
    }
}
