package org.tongke.recorder.ingest;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An agent's word that its classroom's recording of a lesson is complete: each source with its
 * number of segments and the gaps the agent saw (a camera reopened, a disk full), and the wall
 * clock of the recording.
 */
public record LessonManifest(List<Source> sources, OffsetDateTime startedAt, OffsetDateTime endedAt) {
    public static final int MAX_SOURCES = 16;

    public LessonManifest {
        if (sources == null || sources.isEmpty() || sources.size() > MAX_SOURCES) {
            throw IngestException.badRequest("manifest must name 1 to " + MAX_SOURCES + " sources");
        }
        sources = List.copyOf(sources);
        Set<String> names = new HashSet<>();
        for (Source source : sources) {
            if (!names.add(source.name())) {
                throw IngestException.badRequest("manifest names source '" + source.name() + "' twice");
            }
        }
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            throw IngestException.badRequest("manifest endedAt " + endedAt + " is before startedAt " + startedAt);
        }
    }

    /** One capture source: segments {@code 0 .. segments-1} were recorded. */
    public record Source(String name, int segments, List<Gap> gaps) {
        public Source {
            new SegmentKey("x", "x/x", Objects.requireNonNullElse(name, ""), 0);
            if (segments < 1 || segments > SegmentKey.MAX_SEGMENT) {
                throw IngestException.badRequest("source '" + name + "' has " + segments + " segments; 1 to "
                        + SegmentKey.MAX_SEGMENT + " expected");
            }
            gaps = gaps == null ? List.of() : List.copyOf(gaps);
        }
    }

    /** A stretch of wall-clock time the source did not record. */
    public record Gap(OffsetDateTime from, OffsetDateTime to, String reason) {
        public Gap {
            if (from == null || to == null || to.isBefore(from)) {
                throw IngestException.badRequest("a gap needs 'from' and 'to', 'to' not before 'from'");
            }
            reason = reason == null ? "" : SegmentKey.shorten(reason);
        }
    }
}
