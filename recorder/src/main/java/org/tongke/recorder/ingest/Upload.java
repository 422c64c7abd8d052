package org.tongke.recorder.ingest;

import java.time.Instant;

/** One tus upload as the recorder keeps it; {@code offset} is what is synced to disk. */
public record Upload(String id, UploadMetadata metadata, long length, long offset, State state, Instant createdAt) {
    /** Receiving until the last byte is in and its SHA-256 holds; stored for good after. */
    public enum State { RECEIVING, STORED }

    public SegmentKey key() {
        return metadata.key();
    }

    public boolean complete() {
        return offset == length;
    }

    public Upload withOffset(long newOffset) {
        return new Upload(id, metadata, length, newOffset, state, createdAt);
    }
}
