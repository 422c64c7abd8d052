package org.tongke.recorder.ingest;

import java.util.List;

/** The answer of {@code GET /api/ingest/segments}: what an agent may delete locally. */
public record StoredSegments(String lesson, String classroom, List<Segment> segments) {
    public record Segment(String source, int segment, long bytes, String sha256, String state) {
    }

    public static StoredSegments of(LessonKey key, List<Upload> stored) {
        return new StoredSegments(key.lesson(), key.classroom(), stored.stream()
                .map(u -> new Segment(u.key().source(), u.key().segment(), u.length(), u.metadata().sha256(), "stored"))
                .toList());
    }
}
