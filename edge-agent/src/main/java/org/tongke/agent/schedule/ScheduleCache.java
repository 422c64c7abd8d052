package org.tongke.agent.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.agent.link.AgentCodec;
import org.tongke.agent.link.ServerMessage;
import org.tongke.config.export.AtomicFile;

/**
 * The last schedule received, on disk as the {@code schedule} message it came in, written
 * atomically (temp file, fsync, rename, folder fsync): after a crash or a power cut the file is
 * the old schedule or the new one. An older version never replaces a newer one.
 */
public final class ScheduleCache {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleCache.class);
    public static final String FILE = "schedule.json";

    private final Path file;
    private final String classroom;
    private volatile Schedule current;

    public ScheduleCache(Path dir, String classroom) {
        this.file = dir.resolve(FILE);
        this.classroom = classroom;
        this.current = load().orElse(Schedule.none(classroom));
    }

    public Schedule current() {
        return current;
    }

    /** Keeps {@code schedule} when it is newer than the cached one; true when it was written. */
    public synchronized boolean offer(Schedule schedule) throws IOException {
        if (schedule.version() <= current.version() && current.version() > 0) {
            return false;
        }
        byte[] json = AgentCodec.encodeSchedule(schedule).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(json));
        current = schedule;
        return true;
    }

    private Optional<Schedule> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ServerMessage message = AgentCodec.decodeServer(Files.readString(file, StandardCharsets.UTF_8));
            if (message instanceof ServerMessage.ScheduleMessage s && s.schedule().classroom().equals(classroom)) {
                return Optional.of(s.schedule());
            }
            LOG.warn("{} holds no schedule of {}; starting without one", file, classroom);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} cannot be read ({}); starting without a schedule", file, e.getMessage());
        }
        return Optional.empty();
    }
}
