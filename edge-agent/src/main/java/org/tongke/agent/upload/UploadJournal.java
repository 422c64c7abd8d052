package org.tongke.agent.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.export.AtomicFile;

/**
 * The upload queue on disk: one JSON line per event ({@code queued}, {@code location},
 * {@code uploaded}, {@code confirmed}, {@code deleted}, {@code ended}, {@code manifest}), each
 * appended and synced before it counts. On open the lines are replayed (a torn last line from a
 * crash is skipped) and the journal is rewritten short, atomically. Thread-safe.
 */
public final class UploadJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String FILE = "uploads.journal";

    private final Path file;
    private final Map<Path, Segment> segments = new LinkedHashMap<>();
    private final Set<String> endedLessons = new LinkedHashSet<>();
    private final Set<String> manifestsSent = new LinkedHashSet<>();
    private FileChannel channel;

    private UploadJournal(Path file) {
        this.file = file;
    }

    public static UploadJournal open(Path dir) throws IOException {
        UploadJournal j = new UploadJournal(dir.resolve(FILE));
        j.replay();
        j.compact();
        j.channel = FileChannel.open(j.file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return j;
    }

    private void replay() throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        int skipped = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                apply(JSON.readTree(line));
            } catch (IOException | RuntimeException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warn("{}: {} unreadable line(s) skipped (a write cut by a crash)", file, skipped);
        }
    }

    private void apply(JsonNode e) {
        String kind = e.path("e").asText();
        if (kind.equals("ended")) {
            // A lesson recorded again after its end (start-now under its id) sends its manifest again.
            endedLessons.add(e.path("lesson").asText());
            manifestsSent.remove(e.path("lesson").asText());
            return;
        }
        if (kind.equals("manifest")) {
            manifestsSent.add(e.path("lesson").asText());
            return;
        }
        Path path = Path.of(e.path("file").asText());
        Segment s = segments.get(path);
        switch (kind) {
            case "queued" -> segments.put(path, new Segment(path, e.path("lesson").asText(), e.path("source").asText(),
                    e.path("index").asInt(), e.path("bytes").asLong(), e.path("sha256").asText(),
                    Instant.parse(e.path("closedAt").asText()), null, false, false));
            case "location" -> {
                if (s != null) {
                    segments.put(path, s.withLocation(e.path("url").asText()));
                }
            }
            case "uploaded" -> {
                if (s != null) {
                    segments.put(path, s.withUploaded());
                }
            }
            case "confirmed" -> {
                if (s != null) {
                    segments.put(path, s.withConfirmed());
                }
            }
            case "deleted" -> segments.remove(path);
            default -> throw new IllegalArgumentException("unknown event " + kind);
        }
    }

    /** Rewrites the journal as the events that make up the current state. */
    private void compact() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments.values()) {
            out.append(queued(s)).append('\n');
            if (s.location() != null) {
                out.append(event("location", s.file()).put("url", s.location())).append('\n');
            }
            if (s.uploaded()) {
                out.append(event("uploaded", s.file())).append('\n');
            }
            if (s.confirmed()) {
                out.append(event("confirmed", s.file())).append('\n');
            }
        }
        Set<String> lessonsLeft = new LinkedHashSet<>();
        segments.values().forEach(s -> lessonsLeft.add(s.lesson()));
        for (String lesson : endedLessons) {
            // A lesson whose segments are all gone and whose manifest went needs no more lines.
            if (lessonsLeft.contains(lesson) || !manifestsSent.contains(lesson)) {
                out.append(lessonEvent("ended", lesson)).append('\n');
            }
        }
        for (String lesson : manifestsSent) {
            if (lessonsLeft.contains(lesson) || endedLessons.contains(lesson)) {
                out.append(lessonEvent("manifest", lesson)).append('\n');
            }
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, o -> o.write(bytes));
    }

    private static ObjectNode event(String kind, Path file) {
        ObjectNode o = JSON.createObjectNode();
        o.put("e", kind);
        o.put("file", file.toString());
        return o;
    }

    private static ObjectNode lessonEvent(String kind, String lesson) {
        ObjectNode o = JSON.createObjectNode();
        o.put("e", kind);
        o.put("lesson", lesson);
        return o;
    }

    private static ObjectNode queued(Segment s) {
        ObjectNode o = event("queued", s.file());
        o.put("lesson", s.lesson());
        o.put("source", s.source());
        o.put("index", s.index());
        o.put("bytes", s.bytes());
        o.put("sha256", s.sha256());
        o.put("closedAt", s.closedAt().toString());
        return o;
    }

    private void append(ObjectNode event) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((event.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(false);
        apply(event);
    }

    /** Queues a closed segment (once: a segment queued before is left as it is). */
    public synchronized boolean queue(Segment s) throws IOException {
        if (segments.containsKey(s.file())) {
            return false;
        }
        append(queued(s));
        return true;
    }

    public synchronized void location(Path file, String url) throws IOException {
        append(event("location", file).put("url", url));
    }

    public synchronized void uploaded(Path file) throws IOException {
        append(event("uploaded", file));
    }

    public synchronized void confirmed(Path file) throws IOException {
        append(event("confirmed", file));
    }

    public synchronized void deleted(Path file) throws IOException {
        append(event("deleted", file));
    }

    public synchronized void ended(String lesson) throws IOException {
        append(lessonEvent("ended", lesson));
    }

    public synchronized void manifestSent(String lesson) throws IOException {
        append(lessonEvent("manifest", lesson));
    }

    public synchronized List<Segment> segments() {
        return segments.values().stream().sorted(Comparator.comparing(Segment::closedAt)).toList();
    }

    public synchronized Optional<Segment> segment(Path file) {
        return Optional.ofNullable(segments.get(file));
    }

    /** Lessons whose recording ended and whose manifest has not gone to the recorder yet. */
    public synchronized List<String> manifestsDue() {
        List<String> due = new ArrayList<>();
        for (String lesson : endedLessons) {
            if (!manifestsSent.contains(lesson)) {
                due.add(lesson);
            }
        }
        return due;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
