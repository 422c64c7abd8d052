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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The parts of the scheduler's plan ({@code tongke-plan} version 1, docs/plan-format.md) the
 * library needs: the dated lessons and the research sessions, from a plan file or the
 * scheduler's {@code GET /api/plan} answer, whose {@code version} it keeps (null for a file).
 * Read on its own, so that the recorder does not depend on the scheduler; fields it does not
 * need are ignored.
 */
public record PlanFile(String county, List<Occurrence> occurrences, List<Research> research, Long version) {
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
        return parse(json.getBytes(StandardCharsets.UTF_8), source);
    }

    /**
     * Parses a plan file ({@code {"format": "tongke-plan", "version": 1, "plan": ...}}) or the
     * scheduler's answer ({@code {"version": N, "plan": ...}}); {@link IllegalArgumentException}
     * names {@code source}, the field and what is wrong.
     */
    public static PlanFile parse(byte[] json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not a plan: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": not a plan: no JSON object");
        }
        Long published = null;
        if (root.has("format")) {
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException(source + ": format is not \"" + FORMAT + "\"");
            }
            if (root.path("version").asInt(-1) != VERSION) {
                throw new IllegalArgumentException(source + ": version " + root.path("version")
                        + " is not supported; this recorder reads version " + VERSION);
            }
        } else if (root.path("version").canConvertToLong()) {
            published = root.path("version").asLong();
        } else {
            throw new IllegalArgumentException(source + ": neither 'format' (a plan file) nor a numeric 'version'"
                    + " (the scheduler's answer)");
        }
        if (!root.path("plan").isObject()) {
            throw new IllegalArgumentException(source + ": field 'plan' is missing");
        }
        PlanFile plan;
        try {
            plan = JSON.treeToValue(root.path("plan"), PlanFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not a plan: " + e.getMessage(), e);
        }
        if (plan.county() == null || plan.county().isBlank()) {
            throw new IllegalArgumentException(source + ": field 'plan.county' is missing");
        }
        for (int i = 0; i < plan.occurrences().size(); i++) {
            Occurrence o = plan.occurrences().get(i);
            String at = source + ": plan.occurrences[" + i + "]";
            if (o.id() == null || o.host() == null || o.subject() == null) {
                throw new IllegalArgumentException(at + ": fields 'id', 'subject' and 'host' are required");
            }
            times(at + " (" + o.id() + ")", o.date(), o.start(), o.end());
        }
        for (int i = 0; i < plan.research().size(); i++) {
            Research r = plan.research().get(i);
            String at = source + ": plan.research[" + i + "]";
            if (r.id() == null) {
                throw new IllegalArgumentException(at + ": field 'id' is required");
            }
            times(at + " (" + r.id() + ")", r.date(), r.start(), r.end());
        }
        return new PlanFile(plan.county(), plan.occurrences(), plan.research(), published);
    }

    private static void times(String at, String date, String start, String end) {
        try {
            LocalDate.parse(String.valueOf(date));
            if (start != null) {
                LocalTime.parse(start);
            }
            if (end != null) {
                LocalTime.parse(end);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + ": 'date' must be YYYY-MM-DD and 'start', 'end' HH:MM: "
                    + e.getParsedString(), e);
        }
    }
}
