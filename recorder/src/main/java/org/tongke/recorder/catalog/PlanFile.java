package org.tongke.recorder.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The parts of the scheduler's plan file ({@code tongke-plan} version 1, docs/plan-format.md)
 * the library needs: the dated lessons and the research sessions. Read on its own, so that the
 * recorder does not depend on the scheduler; fields it does not need are ignored.
 */
public record PlanFile(String county, List<Occurrence> occurrences, List<Research> research) {
    public static final String FORMAT = "tongke-plan";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** One dated lesson ({@code REQUIREMENT#N@DATE}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Occurrence(String id, String requirement, String community, String kind, String subject, String date,
            String start, String end, Participant host, List<Participant> receivers) {
        public Occurrence {
            receivers = receivers == null ? List.of() : List.copyOf(receivers);
        }
    }

    /** One room of a lesson, as the plan writes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Participant(String school, String schoolName, String classroom, String classId, String className,
            String teacher) {
    }

    /** One teaching-research session (教研). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Research(String id, String requirement, String community, String subject, String mode, String date,
            String start, String end, List<Member> participants) {
        public Research {
            participants = participants == null ? List.of() : List.copyOf(participants);
        }
    }

    /** A teacher taking part in a research session. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String school, String teacher) {
    }

    public PlanFile {
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
        research = research == null ? List.of() : List.copyOf(research);
    }

    /** Reads a plan file; {@link IllegalArgumentException} names the file and what is wrong. */
    public static PlanFile read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("plan file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("plan file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses a plan's JSON text; {@code source} names it in errors. */
    public static PlanFile parse(String json, String source) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException(source + ": format is not \"" + FORMAT + "\"");
            }
            if (root.path("version").asInt(-1) != VERSION) {
                throw new IllegalArgumentException(source + ": version " + root.path("version")
                        + " is not supported; this recorder reads version " + VERSION);
            }
            return JSON.treeToValue(root.path("plan"), PlanFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not a plan file: " + e.getMessage(), e);
        }
    }
}
