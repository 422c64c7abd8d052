package org.tongke.signaling.held;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The one JSON form of {@link HeldLessonReport}; the lesson's id goes in the URL, not the body. */
public final class HeldLessonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HeldLessonCodec() {
    }

    public static byte[] encode(HeldLessonReport report) {
        ObjectNode root = MAPPER.createObjectNode().put("type", HeldLessonReport.TYPE)
                .put("version", HeldLessonReport.VERSION).put("startedAt", report.startedAt().toString())
                .put("endedAt", report.endedAt().toString()).put("ending", report.ending()).put("node", report.node());
        ArrayNode classrooms = root.putArray("classrooms");
        for (HeldLessonReport.Classroom c : report.classrooms()) {
            ObjectNode room = classrooms.addObject().put("classroom", c.classroom()).put("host", c.host());
            if (c.attendance() != null) {
                room.putObject("attendance").put("present", c.attendance().present()).put("total", c.attendance().total());
            }
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
