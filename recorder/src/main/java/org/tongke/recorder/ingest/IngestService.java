package org.tongke.recorder.ingest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.auth.Identity;

/**
 * The tus upload's life, one blocking call per step: create, begin a chunk, commit or drop it,
 * complete (whole-file SHA-256, then stored for good), terminate. Thread-safe; one chunk at a
 * time per upload.
 */
public final class IngestService {
    /**
     * How long a HEAD waits for a PATCH of the same upload to end: right after a cut, the recorder
     * is still keeping the cut chunk's verified blocks, and an offset read then would be stale.
     */
    public static final Duration HEAD_WAIT = Duration.ofSeconds(2);
    /** tus lets the server bound an upload; a lesson's segment is far smaller. */
    public static final long MAX_UPLOAD_BYTES = 4L * 1024 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestStore store;
    private final SegmentFiles files;
    private final ReadyLessons ready;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Uploads claimed by a PATCH (or a termination), each with a latch released when the claim ends. */
    private final Map<String, CountDownLatch> busy = new ConcurrentHashMap<>();

    public IngestService(IngestStore store, SegmentFiles files, ReadyLessons ready, Clock clock) {
        this.store = store;
        this.files = files;
        this.ready = ready;
        this.clock = clock;
    }

    /** A new upload, or the one already made for the same segment (a client retrying its POST). */
    public synchronized Upload create(Identity who, UploadMetadata metadata, long length) {
        Access.requireAgentOf(who, metadata.key().classroom());
        if (length < 1 || length > MAX_UPLOAD_BYTES) {
            throw new IngestException(413, "too-large", "Upload-Length " + length + " is not between 1 and " + MAX_UPLOAD_BYTES);
        }
        Optional<Upload> existing = store.find(metadata.key());
        if (existing.isPresent()) {
            Upload old = existing.get();
            boolean same = old.metadata().sha256().equals(metadata.sha256()) && old.length() == length;
            if (same) {
                return old;
            }
            if (old.state() == Upload.State.STORED) {
                throw IngestException.conflict("segment-stored", "segment " + describe(metadata.key())
                        + " is already stored with sha256 " + old.metadata().sha256());
            }
            LOG.info("Segment {} is uploaded again with other content; the unfinished upload {} is dropped", describe(metadata.key()), old.id());
            drop(old.id());
        }
        Upload upload = new Upload(HexFormat.of().formatHex(nextId()),
                metadata, length, 0, Upload.State.RECEIVING, clock.instant());
        files.createPart(upload.id());
        store.insert(upload);
        return upload;
    }

    /** The upload as it stands once any PATCH being received has ended (waiting at most {@link #HEAD_WAIT}). */
    public Upload head(Identity who, String id) {
        Upload upload = find(id);
        Access.requireAgentOf(who, upload.key().classroom());
        CountDownLatch claim = busy.get(id);
        if (claim == null) {
            return upload;
        }
        try {
            claim.await(HEAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return find(id);
    }

    /**
     * Claims the upload for one chunk starting at {@code offset}; bytes on disk past the stored
     * offset (a chunk cut by a crash) are cut. The caller must end with {@link #commit} or {@link #drop(Upload)}.
     */
    public Upload begin(Identity who, String id, long offset) {
        Upload upload = find(id);
        Access.requireAgentOf(who, upload.key().classroom());
        if (busy.putIfAbsent(id, new CountDownLatch(1)) != null) {
            throw new IngestException(423, "upload-busy", "upload " + id + " is receiving another PATCH");
        }
        try {
            upload = find(id);
            if (upload.state() == Upload.State.STORED || offset != upload.offset()) {
                throw IngestException.conflict("offset-mismatch", "Upload-Offset " + offset + " is not the upload's offset "
                        + upload.offset() + " (of " + upload.length() + ")");
            }
            files.truncate(id, upload.offset());
            return upload;
        } catch (RuntimeException e) {
            release(id);
            throw e;
        }
    }

    /**
     * Keeps the chunk's bytes (already written and flushed) up to {@code newOffset}, cutting any
     * written past it (the part of a cut chunk that could not be verified), and releases the
     * upload; once the last byte is in, checks the whole file and stores the segment, or discards
     * it all (460).
     */
    public Upload commit(Upload upload, long newOffset) {
        try {
            files.truncate(upload.id(), newOffset);
            files.syncPart(upload.id());
            store.updateOffset(upload.id(), newOffset, clock.instant());
            Upload now = upload.withOffset(newOffset);
            return now.complete() ? complete(now) : now;
        } finally {
            release(upload.id());
        }
    }

    /** Forgets the chunk: the offset stays where it was. */
    public void drop(Upload upload) {
        try {
            files.truncate(upload.id(), upload.offset());
        } finally {
            release(upload.id());
        }
    }

    public void terminate(Identity who, String id) {
        Upload upload = find(id);
        Access.requireAgentOf(who, upload.key().classroom());
        if (upload.state() == Upload.State.STORED) {
            throw IngestException.conflict("segment-stored", "upload " + id + " is complete and stored; it cannot be terminated");
        }
        if (busy.putIfAbsent(id, new CountDownLatch(1)) != null) {
            throw new IngestException(423, "upload-busy", "upload " + id + " is receiving a PATCH");
        }
        try {
            drop(id);
        } finally {
            release(id);
        }
    }

    /** What the recorder holds for good of a classroom's recording of a lesson. */
    public List<Upload> stored(Identity who, LessonKey key) {
        Access.requireReaderOf(who, key.classroom());
        return store.stored(key);
    }

    /** Saves the agent's manifest; the archive is asked for once its segments are in. */
    public void putManifest(Identity who, LessonKey key, LessonManifest manifest, String body) {
        Access.requireAgentOf(who, key.classroom());
        store.putManifest(key, body, clock.instant());
        LOG.info("Manifest of {}: {} sources", key, manifest.sources().size());
        ready.check(key);
    }

    private Upload complete(Upload upload) {
        String actual = files.sha256(files.part(upload.id()));
        if (!actual.equals(upload.metadata().sha256())) {
            drop(upload.id());
            throw IngestException.checksumMismatch("segment " + describe(upload.key()) + " arrived whole with sha256 " + actual
                    + ", not " + upload.metadata().sha256() + " as announced; the upload is discarded, upload it again");
        }
        files.publish(upload.id(), upload.metadata());
        store.markStored(upload.id(), clock.instant());
        LOG.info("Segment {} stored ({} bytes)", describe(upload.key()), upload.length());
        ready.check(upload.key().lessonKey());
        return new Upload(upload.id(), upload.metadata(), upload.length(), upload.length(), Upload.State.STORED, upload.createdAt());
    }

    private void release(String id) {
        CountDownLatch claim = busy.remove(id);
        if (claim != null) {
            claim.countDown();
        }
    }

    private void drop(String id) {
        files.deletePart(id);
        store.delete(id);
    }

    private Upload find(String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            throw IngestException.notFound("no upload " + SegmentKey.shorten(id));
        }
        return store.find(id).orElseThrow(() -> IngestException.notFound("no upload " + id + " (a terminated or discarded upload is forgotten)"));
    }

    private byte[] nextId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return id;
    }

    static String describe(SegmentKey k) {
        return k.lesson() + " " + k.classroom() + " " + k.source() + " #" + k.segment();
    }
}
