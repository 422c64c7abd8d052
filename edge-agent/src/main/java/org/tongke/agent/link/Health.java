package org.tongke.agent.link;

import java.time.OffsetDateTime;
import java.util.List;

/** What the agent reports every heartbeat (message {@code health}). */
public record Health(List<SourceHealth> sources, Disk disk, Backlog backlog, long scheduleVersion, Long clockOffsetMs,
                     String recording) {
    public Health {
        sources = List.copyOf(sources);
    }

    /** {@code state}: idle, starting, recording, reopening, failed. */
    public record SourceHealth(String name, String state, double fps, String error) {
    }

    public record Disk(long freeBytes, long totalBytes, boolean full) {
    }

    /** Segments not yet confirmed by the recorder; {@code oldest} is when the oldest was closed, or null. */
    public record Backlog(int files, long bytes, OffsetDateTime oldest) {
    }
}
