package org.tongke.agent.upload;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A closed segment in the upload queue and how far it got: its tus upload's URL once created,
 * {@code uploaded} once the recorder has every byte, {@code confirmed} once the recorder lists it
 * as stored (only then may the file go).
 */
public record Segment(Path file, String lesson, String source, int index, long bytes, String sha256, Instant closedAt,
                      String location, boolean uploaded, boolean confirmed) {
    Segment withLocation(String url) {
        return new Segment(file, lesson, source, index, bytes, sha256, closedAt, url, uploaded, confirmed);
    }

    Segment withUploaded() {
        return new Segment(file, lesson, source, index, bytes, sha256, closedAt, location, true, confirmed);
    }

    Segment withConfirmed() {
        return new Segment(file, lesson, source, index, bytes, sha256, closedAt, location, true, true);
    }
}
