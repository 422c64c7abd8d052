package org.tongke.agent.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongke.agent.link.AgentCodec;
import org.tongke.config.export.AtomicFile;

/**
 * The lesson's manifest as the recorder takes it ({@code PUT .../manifest}: sources with their
 * segment counts and gaps, started and ended), kept on disk after every change so that a restart
 * goes on from it. Thread-safe: every source thread writes to it.
 */
public final class LessonManifest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ZoneId zone;
    private Instant startedAt;
    private Instant endedAt;
    private final Map<String, Integer> segments = new LinkedHashMap<>();
    private final Map<String, List<Gap>> gaps = new LinkedHashMap<>();

    private LessonManifest(Path file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
    }

    /** The manifest on disk, or a new one started now. */
    public static LessonManifest open(Path file, ZoneId zone, Instant now) throws IOException {
        LessonManifest m = new LessonManifest(file, zone);
        if (Files.isRegularFile(file)) {
            JsonNode root = JSON.readTree(file.toFile());
            m.startedAt = Instant.from(AgentCodec.TIME.parse(root.path("startedAt").asText()));
            if (root.hasNonNull("endedAt")) {
                m.endedAt = Instant.from(AgentCodec.TIME.parse(root.path("endedAt").asText()));
            }
            for (JsonNode s : root.path("sources")) {
                String name = s.path("name").asText();
                m.segments.put(name, s.path("segments").asInt());
                List<Gap> list = new ArrayList<>();
                for (JsonNode g : s.path("gaps")) {
                    list.add(new Gap(Instant.from(AgentCodec.TIME.parse(g.path("from").asText())),
                            Instant.from(AgentCodec.TIME.parse(g.path("to").asText())), g.path("reason").asText()));
                }
                m.gaps.put(name, list);
            }
        } else {
            m.startedAt = now;
        }
        m.save();
        return m;
    }

    public synchronized void source(String name) throws IOException {
        segments.putIfAbsent(name, 0);
        gaps.putIfAbsent(name, new ArrayList<>());
        save();
    }

    /** A segment was closed: the source has at least {@code index + 1} segments. */
    public synchronized void segmentClosed(String name, int index) throws IOException {
        segments.merge(name, index + 1, Math::max);
        gaps.putIfAbsent(name, new ArrayList<>());
        save();
    }

    public synchronized void gap(String name, Gap gap) throws IOException {
        gaps.computeIfAbsent(name, k -> new ArrayList<>()).add(gap);
        segments.putIfAbsent(name, 0);
        save();
    }

    /** Recording (again): the lesson is not ended. */
    public synchronized void resume() throws IOException {
        endedAt = null;
        save();
    }

    public synchronized void end(Instant at) throws IOException {
        endedAt = at;
        save();
    }

    public synchronized boolean ended() {
        return endedAt != null;
    }

    public synchronized List<Gap> gaps(String name) {
        return List.copyOf(gaps.getOrDefault(name, List.of()));
    }

    public synchronized int segments(String name) {
        return segments.getOrDefault(name, 0);
    }

    public Path file() {
        return file;
    }

    /** The body of the recorder's manifest PUT. */
    public synchronized String json() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sources = root.putArray("sources");
        for (var e : segments.entrySet()) {
            ObjectNode s = sources.addObject();
            s.put("name", e.getKey());
            s.put("segments", e.getValue());
            ArrayNode g = s.putArray("gaps");
            for (Gap gap : gaps.getOrDefault(e.getKey(), List.of())) {
                ObjectNode n = g.addObject();
                n.put("from", time(gap.from()));
                n.put("to", time(gap.to()));
                n.put("reason", gap.reason());
            }
        }
        root.put("startedAt", time(startedAt));
        root.put("endedAt", endedAt == null ? null : time(endedAt));
        return root.toString();
    }

    private String time(Instant i) {
        return AgentCodec.TIME.format(i.atZone(zone));
    }

    private void save() throws IOException {
        byte[] bytes = json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }
}
