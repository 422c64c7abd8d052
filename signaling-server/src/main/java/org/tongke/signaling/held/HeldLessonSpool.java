package org.tongke.signaling.held;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.signaling.room.AttendanceReport;

/**
 * The reports waiting for the recorder, one file each in a folder ({@code --held-spool}), so that
 * a node stopped or killed while the recorder is away posts them after its restart. A file is
 * written whole (a temporary file, synced, then renamed) before the report counts as queued, and
 * deleted once the recorder has answered for good. Names sort in the order the lessons ended.
 */
public final class HeldLessonSpool {
    private static final Logger LOG = LoggerFactory.getLogger(HeldLessonSpool.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final AtomicLong sequence = new AtomicLong();

    /** A report and the file that keeps it. */
    public record Spooled(HeldLessonReport report, Path file) {
    }

    public HeldLessonSpool(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("--held-spool " + dir + ": cannot create the folder: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * What earlier runs left, oldest first. A file that cannot be read (a crash cannot leave one
     * half-written, but a hand can) is set aside as {@code .bad} with a log line; the others stay.
     * Leftover {@code .part} files are writes that never finished: their lessons were not queued.
     */
    public List<Spooled> load() {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("--held-spool " + dir + ": cannot list the folder: " + e.getMessage(), e);
        }
        List<Spooled> kept = new ArrayList<>();
        for (Path file : files) {
            try {
                kept.add(new Spooled(decode(Files.readAllBytes(file)), file));
            } catch (IOException | RuntimeException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".bad");
                LOG.error("Held lesson report {} cannot be read ({}); set aside as {}", file, e.getMessage(), aside);
                try {
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException moveFailed) {
                    LOG.error("Could not set {} aside", file, moveFailed);
                }
            }
        }
        if (!files.isEmpty()) {
            sequence.set(files.size());
        }
        return kept;
    }

    /** Writes the report to its own file, whole and synced, before returning. */
    public Spooled save(HeldLessonReport report) {
        String name = String.format("%013d-%06d%s", report.endedAt().toEpochMilli(), sequence.incrementAndGet() % 1_000_000,
                SUFFIX);
        Path file = dir.resolve(name);
        Path part = dir.resolve(name + ".part");
        try {
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(ByteBuffer.wrap(encode(report)));
                out.force(true);
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("--held-spool " + dir + ": cannot write " + name + ": " + e.getMessage(), e);
        }
        return new Spooled(report, file);
    }

    /** The recorder has answered for good: the file goes. */
    public void remove(Spooled spooled) {
        try {
            Files.deleteIfExists(spooled.file());
        } catch (IOException e) {
            LOG.warn("Held lesson report {} answered but not deleted: {}", spooled.file(), e.getMessage());
        }
    }

    /** The body the recorder takes, with the lesson's id beside it (it goes in the URL when posted). */
    static byte[] encode(HeldLessonReport report) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(HeldLessonCodec.encode(report));
            root.put("lesson", report.lesson());
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HeldLessonReport decode(byte[] bytes) throws IOException {
        JsonNode root = MAPPER.readTree(bytes);
        if (root == null || !HeldLessonReport.TYPE.equals(root.path("type").asText())) {
            throw new IOException("not a held-lesson report");
        }
        List<HeldLessonReport.Classroom> classrooms = new ArrayList<>();
        for (JsonNode c : root.path("classrooms")) {
            JsonNode a = c.get("attendance");
            classrooms.add(new HeldLessonReport.Classroom(c.path("classroom").asText(), c.path("host").asBoolean(),
                    a == null ? null : new AttendanceReport(a.path("present").asInt(), a.path("total").asInt(), null)));
        }
        return new HeldLessonReport(text(root, "lesson"), Instant.parse(text(root, "startedAt")),
                Instant.parse(text(root, "endedAt")), root.path("ending").asText(null), root.path("node").asText(null),
                classrooms);
    }

    private static String text(JsonNode root, String field) throws IOException {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("no " + field);
        }
        return value.asText();
    }
}
