package org.tongke.agent.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.agent.capture.LessonFiles;
import org.tongke.agent.capture.SegmentListener;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.link.Health;

/**
 * Delivers every closed segment, on one thread of its own so that a slow or cut link never
 * stalls a recording: queued in the journal, uploaded chunk by chunk from the offset the recorder
 * holds, retried with backoff (a tenth of a second after the first failure, then 1 s doubling to a
 * minute, with jitter) for as long as the file
 * exists; a lesson's manifest is sent once its recording ended and every segment is uploaded;
 * files go only once the recorder lists them as stored, after {@code keepConfirmed} or, when the
 * disk is full, oldest first.
 */
public final class UploadQueue implements SegmentListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadQueue.class);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    static final long FIRST_RETRY_MS = 100;

    private final AgentConfig config;
    private final UploadJournal journal;
    private final TusClient tus;
    private final Clock clock;
    private final Duration confirmEvery;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Object wake = new Object();
    private final Thread worker;
    private volatile boolean closing;
    private volatile boolean diskFull;
    /** The wait before the next try; a first failure after progress is retried almost at once (a cut is the usual case). */
    private long backoffMs = FIRST_RETRY_MS;
    private Instant nextAttempt = Instant.MIN;
    private Instant nextConfirm = Instant.MIN;

    public UploadQueue(AgentConfig config, UploadJournal journal, TusClient tus, Clock clock, Duration confirmEvery) {
        this.config = config;
        this.journal = journal;
        this.tus = tus;
        this.clock = clock;
        this.confirmEvery = confirmEvery;
        this.worker = new Thread(this::run, "upload");
        this.worker.setDaemon(true);
    }

    /** Queues what a crash left unqueued (closed segments not in the journal), then starts the worker. */
    public UploadQueue start() throws IOException {
        queueUnjournalled();
        worker.start();
        return this;
    }

    @Override
    public void segmentClosed(String lesson, String source, int index, Path file, Instant closedAt) {
        inbox.add(() -> queue(lesson, source, index, file, closedAt));
        poke();
    }

    @Override
    public void lessonEnded(String lesson, Path manifest) {
        inbox.add(() -> {
            try {
                journal.ended(lesson);
            } catch (IOException e) {
                LOG.error("The end of {} cannot be journalled", lesson, e);
            }
        });
        poke();
    }

    private void poke() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void queue(String lesson, String source, int index, Path file, Instant closedAt) {
        try {
            if (journal.segment(file).isPresent() || !Files.isRegularFile(file)) {
                return;
            }
            journal.queue(new Segment(file, lesson, source, index, Files.size(file), sha256(file), closedAt, null,
                    false, false));
        } catch (IOException e) {
            LOG.error("{} cannot be queued; it is queued on the next start", file, e);
        }
    }

    private void queueUnjournalled() throws IOException {
        Path lessons = LessonFiles.lessonsDir(config.storage().dir());
        if (!Files.isDirectory(lessons)) {
            return;
        }
        try (Stream<Path> lessonDirs = Files.list(lessons)) {
            for (Path lessonDir : lessonDirs.filter(Files::isDirectory).toList()) {
                String lesson = LessonFiles.lessonOf(lessonDir);
                try (Stream<Path> sources = Files.list(lessonDir)) {
                    for (Path sourceDir : sources.filter(Files::isDirectory).toList()) {
                        try (Stream<Path> files = Files.list(sourceDir)) {
                            for (Path f : files.sorted().toList()) {
                                var index = LessonFiles.indexOf(f);
                                if (index.isPresent() && journal.segment(f).isEmpty()) {
                                    queue(lesson, sourceDir.getFileName().toString(), index.getAsInt(), f,
                                            Files.getLastModifiedTime(f).toInstant());
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private void run() {
        while (!closing) {
            Runnable r;
            while ((r = inbox.poll()) != null) {
                r.run();
            }
            boolean busy = false;
            try {
                if (!clock.instant().isBefore(nextAttempt)) {
                    busy = step();
                    backoffMs = FIRST_RETRY_MS;
                }
            } catch (IOException e) {
                long jitter = ThreadLocalRandom.current().nextLong(backoffMs / 4 + 1);
                nextAttempt = clock.instant().plusMillis(backoffMs + jitter);
                LOG.warn("Upload failed ({}); next try in {} ms", e.getMessage(), backoffMs + jitter);
                backoffMs = Math.min(Math.max(1000, backoffMs * 2), MAX_BACKOFF.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Upload step failed", e);
                nextAttempt = clock.instant().plusMillis(backoffMs);
            }
            try {
                janitor();
            } catch (IOException e) {
                LOG.warn("Cleaning the disk failed", e);
            }
            if (!busy && inbox.isEmpty()) {
                // Idle: look again within half a second, but a retry due sooner (a tenth of a second
                // after a cut) is not held back to it: each cut would cost the link that much more.
                Instant now = clock.instant();
                long idle = now.isBefore(nextAttempt) ? Math.max(1, Math.min(500, Duration.between(now, nextAttempt).toMillis())) : 500;
                synchronized (wake) {
                    try {
                        wake.wait(idle);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** One piece of work: an upload, a confirmation round or a manifest; true when there may be more. */
    private boolean step() throws IOException, InterruptedException {
        Optional<Segment> next = journal.segments().stream().filter(s -> !s.uploaded()).findFirst();
        if (next.isPresent()) {
            upload(next.get());
            return true;
        }
        if (!clock.instant().isBefore(nextConfirm)) {
            nextConfirm = clock.instant().plus(confirmEvery);
            confirm();
        }
        for (String lesson : journal.manifestsDue()) {
            boolean allUp = journal.segments().stream().filter(s -> s.lesson().equals(lesson)).allMatch(Segment::uploaded);
            Path manifest = LessonFiles.manifest(config.storage().dir(), lesson);
            if (allUp && Files.isRegularFile(manifest)) {
                tus.manifest(lesson, config.classroom(), Files.readString(manifest, StandardCharsets.UTF_8));
                journal.manifestSent(lesson);
                LOG.info("Manifest of {} sent", lesson);
            }
        }
        return false;
    }

    private void upload(Segment s) throws IOException, InterruptedException {
        if (!Files.isRegularFile(s.file())) {
            LOG.warn("{} is gone before it was delivered; dropped from the queue", s.file());
            journal.deleted(s.file());
            return;
        }
        String url = s.location();
        if (url == null) {
            url = tus.create(TusClient.metadata(s.lesson(), config.classroom(), s.source(), s.index(),
                    s.file().getFileName().toString(), s.sha256()), s.bytes());
            journal.location(s.file(), url);
        }
        long offset;
        try {
            // After a cut the recorder holds the blocks of the cut chunk that arrived whole: it says where.
            offset = tus.offset(url);
        } catch (TusClient.Refused e) {
            if (e.status() == 404 || e.status() == 410) {
                // The recorder lost or ended it: the same segment created again finds or makes its upload.
                journal.location(s.file(), tus.create(TusClient.metadata(s.lesson(), config.classroom(), s.source(),
                        s.index(), s.file().getFileName().toString(), s.sha256()), s.bytes()));
                throw new IOException("upload of " + s.file() + " created again");
            }
            throw e;
        }
        int chunkSize = config.upload().chunkBytes();
        byte[] buffer = new byte[chunkSize];
        int checksumFailures = 0;
        int busyAnswers = 0;
        try (FileChannel in = FileChannel.open(s.file(), StandardOpenOption.READ)) {
            while (offset < s.bytes()) {
                if (closing) {
                    return;
                }
                int length = (int) Math.min(chunkSize, s.bytes() - offset);
                ByteBuffer b = ByteBuffer.wrap(buffer, 0, length);
                long at = offset;
                while (b.hasRemaining()) {
                    int n = in.read(b, at);
                    if (n < 0) {
                        throw new IOException(s.file() + " is shorter than when it was queued");
                    }
                    at += n;
                }
                try {
                    offset = tus.patch(url, offset, buffer, length);
                    backoffMs = FIRST_RETRY_MS;
                } catch (TusClient.Refused e) {
                    if (e.status() == 409) {
                        offset = tus.offset(url);
                    } else if (e.status() == 423 && ++busyAnswers < 50) {
                        // The recorder is still dropping the chunk a cut interrupted: ask again shortly.
                        Thread.sleep(100);
                        offset = tus.offset(url);
                    } else if (e.status() == 460 && ++checksumFailures < 5) {
                        // The recorder kept the blocks before the damaged one: the rest goes again from there.
                        LOG.warn("Chunk at {} of {} arrived damaged; sent again", offset, s.file());
                        offset = tus.offset(url);
                    } else {
                        throw e;
                    }
                }
            }
        }
        journal.uploaded(s.file());
        LOG.info("{} uploaded ({} bytes)", s.file(), s.bytes());
    }

    private void confirm() throws IOException, InterruptedException {
        Set<String> lessons = new HashSet<>();
        for (Segment s : journal.segments()) {
            if (s.uploaded() && !s.confirmed()) {
                lessons.add(s.lesson());
            }
        }
        for (String lesson : lessons) {
            List<TusClient.Stored> stored = tus.stored(lesson, config.classroom());
            for (Segment s : journal.segments()) {
                if (!s.lesson().equals(lesson) || s.confirmed() || !s.uploaded()) {
                    continue;
                }
                boolean held = stored.stream().anyMatch(t -> t.source().equals(s.source()) && t.segment() == s.index()
                        && t.sha256().equalsIgnoreCase(s.sha256()) && t.state().equals("stored"));
                if (held) {
                    journal.confirmed(s.file());
                }
            }
        }
    }

    /** Deletes confirmed files past their keep, and the oldest confirmed while the disk is full; never others. */
    void janitor() throws IOException {
        Instant now = clock.instant();
        for (Segment s : journal.segments()) {
            if (s.confirmed() && !s.closedAt().plus(config.storage().keepConfirmed()).isAfter(now)) {
                delete(s);
            }
        }
        List<Segment> confirmed = new ArrayList<>(journal.segments().stream().filter(Segment::confirmed).toList());
        while (full() && !confirmed.isEmpty()) {
            delete(confirmed.remove(0));
        }
        boolean nowFull = full();
        if (nowFull && !diskFull) {
            LOG.error("Disk full: {} unconfirmed segment(s) wait for the recorder, none may be deleted", backlog().files());
        }
        diskFull = nowFull;
    }

    private void delete(Segment s) throws IOException {
        Files.deleteIfExists(s.file());
        journal.deleted(s.file());
        LOG.info("{} deleted: the recorder holds it", s.file());
    }

    private boolean full() throws IOException {
        return disk().full();
    }

    public Health.Disk disk() throws IOException {
        Path dir = config.storage().dir();
        Files.createDirectories(dir);
        FileStore store = Files.getFileStore(dir);
        long free = store.getUsableSpace();
        long used = journal.segments().stream().mapToLong(Segment::bytes).sum();
        boolean full = free < config.storage().minFreeBytes() || used >= config.storage().maxBytes();
        return new Health.Disk(free, store.getTotalSpace(), full);
    }

    /** Segments the recorder has not confirmed yet. */
    public Health.Backlog backlog() {
        List<Segment> waiting = journal.segments().stream().filter(s -> !s.confirmed()).toList();
        return new Health.Backlog(waiting.size(), waiting.stream().mapToLong(Segment::bytes).sum(),
                waiting.isEmpty() ? null : waiting.get(0).closedAt().atZone(config.timeZone()).toOffsetDateTime());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        poke();
        worker.join(5000);
    }
}
