package org.tongke.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.agent.capture.LessonFiles;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.config.SourceSpec;
import org.tongke.agent.testing.Media;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.testing.RuralLink;
import org.tongke.recorder.server.RecorderOptions;
import org.tongke.recorder.server.RecorderServer;

/** Uploads to the real recorder's tus ingest, through a link that cuts. */
class UploadIT {
    static final byte[] SECRET = "an-integration-test-secret-of-more-than-32-bytes".getBytes(StandardCharsets.UTF_8);
    static final String CLASSROOM = "wuzhong/lubo";
    static final String LESSON = "qt-01-sync#1@2021-11-24";
    static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;
    RecorderServer recorder;
    UploadJournal journal;
    UploadQueue queue;

    @BeforeEach
    void startRecorder() throws Exception {
        recorder = RecorderServer.start(RecorderOptions.defaults(dir.resolve("library")).withPort(0),
                new TokenVerifier(SECRET, Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (queue != null) {
            queue.close();
        }
        if (journal != null) {
            journal.close();
        }
        recorder.close();
    }

    static String token() {
        return new TokenIssuer(SECRET, Clock.systemUTC()).issue(Role.CLASSROOM_AGENT,
                new Scope(Scope.Type.CLASSROOM, CLASSROOM), null, Duration.ofHours(1));
    }

    AgentConfig config(int port, long maxBytes, Duration keep) {
        return new AgentConfig(CLASSROOM, token(), URI.create("ws://127.0.0.1:1/ws"), URI.create("http://127.0.0.1:" + port),
                ZoneId.of("Asia/Shanghai"), List.of(new SourceSpec.Lavfi("teacher", "testsrc2", null, null)),
                new AgentConfig.Storage(dir.resolve("agent"), 0, maxBytes, keep),
                new AgentConfig.Recording(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2), "mpegts"),
                new AgentConfig.Upload(CHUNK, List.of()));
    }

    /** A real segment made by FFmpeg where the agent keeps its recordings. */
    Path segment(AgentConfig config, String source, int index, int seconds) throws Exception {
        Path file = LessonFiles.segment(LessonFiles.lessonDir(config.storage().dir(), LESSON).resolve(source), index, "ts");
        Files.createDirectories(file.getParent());
        Media.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", Integer.toString(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-f", "mpegts", file.toString());
        return file;
    }

    static void await(String what, java.util.function.BooleanSupplier done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    Path stored(String source, int index) {
        return dir.resolve("library/ingest/segments/qt-01-sync%231%402021-11-24/wuzhong/lubo/" + source)
                .resolve(String.format("%05d.ts", index));
    }

    /** A counter of the recorder's {@code /metrics}. */
    long recorderMetric(String name) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String metrics = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + recorder.port() + "/metrics"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var m = java.util.regex.Pattern.compile("(?m)^" + name + " (\\d+)$").matcher(metrics);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + metrics);
        }
        return Long.parseLong(m.group(1));
    }

    @Test
    void aSegmentSentThroughALinkThatCutsArrivesByteIdenticalLosingUnderOneBlockPerCut() throws Exception {
        // Paced to 4 Mbit/s, so that a cut lands while the recorder reads a body, as on a slow link,
        // not while a body that crossed the loopback at once waits for its upload to be claimed.
        try (RuralLink link = new RuralLink(recorder.port(), 4_000_000, 42, 6, 20_000, 300_000)) {
            AgentConfig config = config(link.port(), Long.MAX_VALUE, Duration.ZERO);
            Path file = segment(config, "teacher", 0, 6);
            byte[] original = Files.readAllBytes(file);
            journal = UploadJournal.open(config.storage().dir());
            TusClient tus = new TusClient(config.recorder(), config.token(), new RateLimiter(List.of(), Clock.systemUTC(),
                    config.timeZone()));
            queue = new UploadQueue(config, journal, tus, Clock.systemUTC(), Duration.ofMillis(200)).start();
            queue.segmentClosed(LESSON, "teacher", 0, file, Instant.now());

            await("the segment confirmed and deleted", () -> !Files.exists(file), Duration.ofSeconds(90));
            assertThat(Files.readAllBytes(stored("teacher", 0))).isEqualTo(original);
            assertThat(link.cuts()).isGreaterThanOrEqualTo(3);
            // What the agent handed to the link beyond the file: at most the chunk each cut interrupted ...
            assertThat(tus.bytesSent() - original.length).isLessThanOrEqualTo((long) link.cuts() * CHUNK);
            // ... on the wire, headers of every request included, under one chunk per cut ...
            assertThat(link.forwarded() - original.length).isLessThan((long) link.cuts() * CHUNK);
            // ... the recorder kept the verified blocks of the cut chunks, and of what it read lost
            // (read but not kept: the block each cut broke) under one block per cut.
            assertThat(TusClient.blockSize(CHUNK)).isEqualTo(TusClient.BLOCK).isLessThan(CHUNK);
            assertThat(recorderMetric("tongke_recorder_ingest_cut_kept_bytes_total")).isGreaterThanOrEqualTo(TusClient.BLOCK);
            assertThat(recorderMetric("tongke_recorder_ingest_bytes_total") - original.length)
                    .isLessThan((long) link.cuts() * TusClient.BLOCK);
            assertThat(journal.segments()).isEmpty();
        }
    }

    @Test
    void theManifestGoesOnceTheLessonEndedAndEverySegmentIsUploaded() throws Exception {
        AgentConfig config = config(recorder.port(), Long.MAX_VALUE, Duration.ofDays(1));
        Path first = segment(config, "teacher", 0, 2);
        org.tongke.agent.capture.LessonManifest manifest = org.tongke.agent.capture.LessonManifest.open(
                LessonFiles.manifest(config.storage().dir(), LESSON), config.timeZone(), Instant.now());
        manifest.segmentClosed("teacher", 0);
        journal = UploadJournal.open(config.storage().dir());
        TusClient tus = new TusClient(config.recorder(), config.token(), new RateLimiter(List.of(), Clock.systemUTC(),
                config.timeZone()));
        queue = new UploadQueue(config, journal, tus, Clock.systemUTC(), Duration.ofMillis(200));
        queue.segmentClosed(LESSON, "teacher", 0, first, Instant.now());
        queue.start();
        await("the first segment confirmed", () -> journal.segments().stream().allMatch(Segment::confirmed)
                && !journal.segments().isEmpty(), Duration.ofSeconds(30));
        Path second = segment(config, "teacher", 1, 2);
        manifest.segmentClosed("teacher", 1);
        manifest.end(Instant.now());
        queue.segmentClosed(LESSON, "teacher", 1, second, Instant.now());
        queue.lessonEnded(LESSON, manifest.file());
        await("the manifest sent", () -> journal.manifestsDue().isEmpty() && journal.segments().size() == 2
                && journal.segments().stream().allMatch(Segment::uploaded), Duration.ofSeconds(30));
        // Sent again, the recorder answers as for the first: it took it.
        tus.manifest(LESSON, CLASSROOM, manifest.json());
    }

    @Test
    void anUploadCutByAnAgentRestartResumesFromTheRecordersOffset() throws Exception {
        AgentConfig config = config(recorder.port(), Long.MAX_VALUE, Duration.ofDays(1));
        Path file = segment(config, "teacher", 0, 6);
        byte[] original = Files.readAllBytes(file);
        // A first agent queues the segment and sends some of it, then stops dead.
        journal = UploadJournal.open(config.storage().dir());
        TusClient first = new TusClient(config.recorder(), config.token(), new RateLimiter(List.of(), Clock.systemUTC(),
                config.timeZone()));
        String url = first.create(TusClient.metadata(LESSON, CLASSROOM, "teacher", 0, "000000.ts",
                UploadQueue.sha256(file)), original.length);
        journal.queue(new Segment(file, LESSON, "teacher", 0, original.length, UploadQueue.sha256(file), Instant.now(),
                null, false, false));
        journal.location(file, url);
        first.patch(url, 0, original, 100_000);
        journal.close();

        // The restarted agent reads the journal and goes on from the recorder's offset.
        journal = UploadJournal.open(config.storage().dir());
        TusClient second = new TusClient(config.recorder(), config.token(), new RateLimiter(List.of(), Clock.systemUTC(),
                config.timeZone()));
        queue = new UploadQueue(config, journal, second, Clock.systemUTC(), Duration.ofMillis(200)).start();
        await("the segment confirmed", () -> journal.segments().stream().allMatch(Segment::confirmed), Duration.ofSeconds(60));
        assertThat(second.bytesSent()).isEqualTo(original.length - 100_000);
        assertThat(Files.readAllBytes(stored("teacher", 0))).isEqualTo(original);
        // Confirmed but kept: a day's keep and room on the disk.
        assertThat(file).exists();
        assertThat(queue.backlog().files()).isZero();
    }

    @Test
    void aFullDiskDeletesTheOldestConfirmedSegmentsAndNeverAnUnconfirmedOne() throws Exception {
        try (RuralLink link = RuralLink.paced(recorder.port(), 0)) {
            AgentConfig config = config(link.port(), 1, Duration.ofDays(1));
            Path a = segment(config, "teacher", 0, 2);
            journal = UploadJournal.open(config.storage().dir());
            TusClient tus = new TusClient(config.recorder(), config.token(), new RateLimiter(List.of(), Clock.systemUTC(),
                    config.timeZone()));
            queue = new UploadQueue(config, journal, tus, Clock.systemUTC(), Duration.ofMillis(200));
            queue.segmentClosed(LESSON, "teacher", 0, a, Instant.now().minusSeconds(10));
            queue.start();
            await("the first segment confirmed and deleted", () -> !Files.exists(a), Duration.ofSeconds(30));
            link.close();
            // The recorder is out of reach now: the second segment cannot be confirmed.
            recorder.close();
            Path b = segment(config, "teacher", 1, 2);
            queue.segmentClosed(LESSON, "teacher", 1, b, Instant.now());
            await("the second segment queued", () -> journal.segment(b).isPresent(), Duration.ofSeconds(10));
            Thread.sleep(1500);
            assertThat(b).exists();
            assertThat(queue.disk().full()).isTrue();
            assertThat(queue.backlog().files()).isEqualTo(1);
            recorder = RecorderServer.start(RecorderOptions.defaults(dir.resolve("library2")).withPort(0),
                    new TokenVerifier(SECRET, Clock.systemUTC()), Clock.systemUTC());
        }
    }
}
