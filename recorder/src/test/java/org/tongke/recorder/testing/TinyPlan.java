package org.tongke.recorder.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tongke.config.county.County;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;
import org.tongke.recorder.catalog.LessonDirectory;
import org.tongke.recorder.catalog.PlanFile;

/**
 * The tiny county with a plan of its own: 数学 and 音乐 on 2021-09-06 and 2021-09-13, two 数学
 * research sessions (one online, one offline), written by hand in the scheduler's plan format.
 */
public final class TinyPlan {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TinyPlan() {
    }

    public static String json() {
        try (InputStream in = TinyPlan.class.getResourceAsStream("/plans/tiny-plan.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plan as the scheduler would publish it after a re-plan, as its API answers
     * ({@code {"version": N, "plan": ...}}): {@code c1-math#1@2021-09-13} moved to 2021-09-15
     * 15:00 and a third 数学 lesson {@code c1-math#1@2021-09-20} added.
     */
    public static String replanned(long version) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json());
            ArrayNode occurrences = (ArrayNode) root.path("plan").path("occurrences");
            ObjectNode added = null;
            for (JsonNode node : occurrences) {
                ObjectNode o = (ObjectNode) node;
                if (o.path("id").asText().equals("c1-math#1@2021-09-13")) {
                    added = o.deepCopy();
                    o.put("date", "2021-09-15").put("start", "15:00").put("end", "15:40");
                }
            }
            occurrences.add(added.put("id", "c1-math#1@2021-09-20").put("date", "2021-09-20"));
            ObjectNode answer = JSON.createObjectNode();
            answer.put("version", version);
            answer.set("plan", root.path("plan"));
            return JSON.writeValueAsString(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static County county(Path dir) {
        return CountyValidator.validate(TinyCounty.copyTo(dir).dir()).orThrow();
    }

    public static LessonDirectory directory(Path dir) {
        return new LessonDirectory(county(dir), PlanFile.parse(json(), "tiny-plan.json"));
    }
}
