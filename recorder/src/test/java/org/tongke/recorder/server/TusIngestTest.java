package org.tongke.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.recorder.ingest.UploadMetadata;

class TusIngestTest {
    private static final String LESSON = "qt-01-sync#1@2021-11-24";
    private static final String ROOM = "wuzhong/lubo";

    @TempDir
    Path library;
    private RecorderServer server;
    private TusClient agent;

    @BeforeEach
    void start() throws Exception {
        server = start(library);
        agent = new TusClient(server.port(), TusClient.agentToken(ROOM));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static RecorderServer start(Path library) throws Exception {
        return RecorderServer.start(RecorderOptions.defaults(library).withPort(0),
                new TokenVerifier(TusClient.SECRET, Clock.systemUTC()), Clock.systemUTC());
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void storesASegmentSentInChunksWithSha1AndSha256ChecksumsAndConfirmsIt() throws Exception {
        byte[] content = bytes(300_000, 1);
        UploadMetadata meta = TusClient.metadata(LESSON, ROOM, "teacher", 0, content);
        var created = agent.create(meta, content.length);
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();

        byte[] first = Arrays.copyOfRange(content, 0, 100_000);
        byte[] rest = Arrays.copyOfRange(content, 100_000, content.length);
        assertThat(agent.patch(location, 0, first, "sha1 " + TusClient.base64(TusClient.digest("SHA-1", first))).statusCode()).isEqualTo(204);
        assertThat(agent.head(location).headers().firstValue("Upload-Offset")).contains("100000");
        var last = agent.patch(location, 100_000, rest, "sha256 " + TusClient.base64(TusClient.digest("SHA-256", rest)));
        assertThat(last.statusCode()).isEqualTo(204);
        assertThat(last.headers().firstValue("Upload-Offset")).contains("300000");

        var confirmed = agent.get("/api/ingest/segments?lesson=qt-01-sync%231%402021-11-24&classroom=wuzhong/lubo");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("\"source\" : \"teacher\"", "\"bytes\" : 300000",
                "\"sha256\" : \"" + meta.sha256() + "\"", "\"state\" : \"stored\"");
        Path stored = library.resolve("ingest/segments/qt-01-sync%231%402021-11-24/wuzhong/lubo/teacher/00000.mp4");
        assertThat(Files.readAllBytes(stored)).isEqualTo(content);
    }

    @Test
    void answersTheOptionsOfTus() {
        var options = new TusClient(server.port(), null).send(new TusClient(server.port(), null).request("/api/uploads/")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Tus-Extension")).contains("creation,checksum,termination,block-checksum");
        assertThat(options.headers().firstValue("Tus-Checksum-Algorithm")).contains("sha1,sha256");
        assertThat(options.headers().firstValue("Tus-Version")).contains("1.0.0");
    }

    @Test
    void keepsTheOffsetAcrossARecorderRestart() throws Exception {
        byte[] content = bytes(50_000, 2);
        UploadMetadata meta = TusClient.metadata(LESSON, ROOM, "teacher", 1, content);
        String location = agent.create(meta, content.length).headers().firstValue("Location").orElseThrow();
        assertThat(agent.patch(location, 0, Arrays.copyOf(content, 20_000), null).statusCode()).isEqualTo(204);

        server.close();
        server = start(library);
        agent = new TusClient(server.port(), TusClient.agentToken(ROOM));

        var head = agent.head(location);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Upload-Offset")).contains("20000");
        assertThat(head.headers().firstValue("Upload-Length")).contains("50000");
        assertThat(agent.patch(location, 20_000, Arrays.copyOfRange(content, 20_000, 50_000), null).statusCode()).isEqualTo(204);
        assertThat(agent.get("/api/ingest/segments?lesson=" + enc(LESSON) + "&classroom=" + ROOM).body()).contains("\"segment\" : 1");
    }

    @Test
    void keepsWhatArrivedWhenTheConnectionIsCutMidPatchAndResumesThere() throws Exception {
        byte[] content = bytes(80_000, 3);
        UploadMetadata meta = TusClient.metadata(LESSON, ROOM, "teacher", 2, content);
        String location = agent.create(meta, content.length).headers().firstValue("Location").orElseThrow();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            String head = "PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                    + "Authorization: Bearer " + TusClient.agentToken(ROOM) + "\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\nContent-Length: 80000\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content, 0, 30_000);
            out.flush();
            Thread.sleep(300);
        }
        long offset = awaitOffset(location, 30_000);
        assertThat(offset).isEqualTo(30_000);
        assertThat(agent.patch(location, 30_000, Arrays.copyOfRange(content, 30_000, 80_000), null).statusCode()).isEqualTo(204);
        assertThat(agent.head(location).headers().firstValue("Upload-Offset")).contains("80000");
    }

    /** Sends the head of a PATCH and {@code sent} bytes of its body on a raw socket, then cuts the connection. */
    private void cutPatch(String location, long offset, byte[] body, int sent, String... headers) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                    + "Authorization: Bearer " + TusClient.agentToken(ROOM) + "\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: " + offset + "\r\n"
                    + "Content-Length: " + body.length + "\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sent);
            out.flush();
            Thread.sleep(300);
        }
    }

    @Test
    void keepsTheVerifiedBlocksOfAPatchCutMidwayAcrossARestartAndResumesAtTheLastBlockBoundary() throws Exception {
        byte[] content = bytes(100_000, 13);
        UploadMetadata meta = TusClient.metadata(LESSON, ROOM, "teacher", 8, content);
        String location = agent.create(meta, content.length).headers().firstValue("Location").orElseThrow();
        byte[] chunk = Arrays.copyOf(content, 64 * 1024);
        cutPatch(location, 0, chunk, 40_000, "Upload-Checksum: sha1 " + TusClient.base64(TusClient.digest("SHA-1", chunk)),
                "Upload-Block-Checksums: " + TusClient.blockChecksums("sha1", 8192, chunk));
        // 40,000 bytes arrived: four whole blocks of 8 KiB verified, the fifth cut short.
        assertThat(awaitOffset(location, 32_768)).isEqualTo(32_768);

        server.close();
        server = start(library);
        agent = new TusClient(server.port(), TusClient.agentToken(ROOM));
        assertThat(agent.head(location).headers().firstValue("Upload-Offset")).contains("32768");
        assertThat(Files.size(library.resolve("ingest/uploads").resolve(location.substring(location.lastIndexOf('/') + 1) + ".part")))
                .isEqualTo(32_768);
        byte[] rest = Arrays.copyOfRange(content, 32_768, content.length);
        var last = agent.patch(location, 32_768, rest, "sha1 " + TusClient.base64(TusClient.digest("SHA-1", rest)),
                TusClient.blockChecksums("sha1", 8192, rest));
        assertThat(last.statusCode()).isEqualTo(204);
        assertThat(last.headers().firstValue("Upload-Offset")).contains("100000");
        Path stored = library.resolve("ingest/segments/qt-01-sync%231%402021-11-24/wuzhong/lubo/teacher/00008.mp4");
        assertThat(Files.readAllBytes(stored)).isEqualTo(content);
    }

    @Test
    void aHeadDuringAPatchThatIsThenCutAnswersTheOffsetWithTheKeptBlocks() throws Exception {
        byte[] content = bytes(70_000, 17);
        String location = agent.create(TusClient.metadata(LESSON, ROOM, "teacher", 12, content), content.length)
                .headers().firstValue("Location").orElseThrow();
        byte[] chunk = Arrays.copyOf(content, 64 * 1024);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                    + "Authorization: Bearer " + TusClient.agentToken(ROOM) + "\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\nContent-Length: " + chunk.length + "\r\n"
                    + "Upload-Block-Checksums: " + TusClient.blockChecksums("sha1", 4096, chunk) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(chunk, 0, 50_000);
            out.flush();
            Thread.sleep(300);
            var head = java.util.concurrent.CompletableFuture.supplyAsync(() -> agent.head(location));
            Thread.sleep(300);
            assertThat(head).isNotDone();
            socket.close();
            // 50,000 bytes in: twelve whole blocks of 4 KiB kept.
            assertThat(head.get(5, java.util.concurrent.TimeUnit.SECONDS).headers().firstValue("Upload-Offset")).contains("49152");
        }
    }

    @Test
    void stopsAPatchAtABlockThatDoesNotMatchKeepingTheBlocksBeforeItAndAnswers460() {
        byte[] content = bytes(50_000, 14);
        String location = agent.create(TusClient.metadata(LESSON, ROOM, "teacher", 9, content), content.length)
                .headers().firstValue("Location").orElseThrow();
        String blocks = TusClient.blockChecksums("sha256", 4096, content);
        byte[] damaged = content.clone();
        damaged[3 * 4096 + 100] ^= 0x55;
        var refused = agent.patch(location, 0, damaged, null, blocks);
        assertThat(refused.statusCode()).isEqualTo(460);
        assertThat(refused.body()).contains("checksum-mismatch", "block 4 of 13", "the offset is now 12288");
        assertThat(refused.headers().firstValue("Upload-Offset")).contains("12288");
        assertThat(agent.head(location).headers().firstValue("Upload-Offset")).contains("12288");
        byte[] rest = Arrays.copyOfRange(content, 12_288, content.length);
        assertThat(agent.patch(location, 12_288, rest, null, TusClient.blockChecksums("sha256", 4096, rest)).statusCode()).isEqualTo(204);
        assertThat(agent.head(location).headers().firstValue("Upload-Offset")).contains("50000");
    }

    @Test
    void withoutBlockChecksumsAChunkWithUploadChecksumCutMidwayIsDroppedWhole() throws Exception {
        byte[] content = bytes(60_000, 15);
        String location = agent.create(TusClient.metadata(LESSON, ROOM, "teacher", 10, content), content.length)
                .headers().firstValue("Location").orElseThrow();
        assertThat(agent.patch(location, 0, Arrays.copyOf(content, 10_000), null).statusCode()).isEqualTo(204);
        byte[] chunk = Arrays.copyOfRange(content, 10_000, 60_000);
        cutPatch(location, 10_000, chunk, 30_000, "Upload-Checksum: sha1 " + TusClient.base64(TusClient.digest("SHA-1", chunk)));
        // The claim on the upload is released once the cut chunk is dropped; until then HEAD may still see 10,000.
        assertThat(awaitPatchable(location, 10_000, chunk)).isEqualTo(204);
        assertThat(agent.head(location).headers().firstValue("Upload-Offset")).contains("60000");
    }

    @Test
    void refusesBlockChecksumsThatDoNotCoverTheBody() {
        byte[] content = bytes(20_000, 16);
        String location = agent.create(TusClient.metadata(LESSON, ROOM, "teacher", 11, content), content.length)
                .headers().firstValue("Location").orElseThrow();
        var refused = agent.patch(location, 0, content, null, TusClient.blockChecksums("sha1", 4096, Arrays.copyOf(content, 8192)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Upload-Block-Checksums has 2 digests");
        assertThat(agent.head(location).headers().firstValue("Upload-Offset")).contains("0");
    }

    @Test
    void dropsAChunkWhoseChecksumDoesNotMatchAndAcceptsItsRetry() {
        byte[] content = bytes(40_000, 4);
        String location = agent.create(TusClient.metadata(LESSON, ROOM, "teacher", 3, content), content.length)
                .headers().firstValue("Location").orElseThrow();
        byte[] chunk = Arrays.copyOf(content, 10_000);
        String wrong = "sha1 " + TusClient.base64(TusClient.digest("SHA-1", new byte[] {1, 2, 3}));
        assertThat(agent.patch(location, 0, chunk, wrong).statusCode()).isEqualTo(460);
        assertThat(agent.head(location).headers().firstValue("Upload-Offset")).contains("0");
        assertThat(agent.patch(location, 0, chunk, "sha1 " + TusClient.base64(TusClient.digest("SHA-1", chunk))).statusCode()).isEqualTo(204);
        assertThat(agent.head(location).headers().firstValue("Upload-Offset")).contains("10000");
    }

    @Test
    void discardsAWholeUploadWhoseSha256IsNotTheAnnouncedOne() {
        byte[] content = bytes(10_000, 5);
        UploadMetadata lying = TusClient.metadata(LESSON, ROOM, "teacher", 4, bytes(10_000, 6));
        String location = agent.create(lying, content.length).headers().firstValue("Location").orElseThrow();
        var patched = agent.patch(location, 0, content, null);
        assertThat(patched.statusCode()).isEqualTo(460);
        assertThat(patched.body()).contains("checksum-mismatch", "upload it again");
        assertThat(agent.head(location).statusCode()).isEqualTo(404);
        assertThat(agent.get("/api/ingest/segments?lesson=" + enc(LESSON) + "&classroom=" + ROOM).body()).doesNotContain("\"segment\" : 4");
    }

    @Test
    void answersTheSameUploadForADuplicateCreateAndRefusesAStoredSegmentWithOtherContent() {
        byte[] content = bytes(5_000, 7);
        UploadMetadata meta = TusClient.metadata(LESSON, ROOM, "teacher", 5, content);
        String first = agent.create(meta, content.length).headers().firstValue("Location").orElseThrow();
        var again = agent.create(meta, content.length);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Location")).contains(first);

        agent.patch(first, 0, content, null);
        var afterStored = agent.create(meta, content.length);
        assertThat(afterStored.headers().firstValue("Location")).contains(first);
        assertThat(afterStored.headers().firstValue("Upload-Offset")).contains("5000");

        byte[] other = bytes(5_000, 8);
        var conflicting = agent.create(TusClient.metadata(LESSON, ROOM, "teacher", 5, other), other.length);
        assertThat(conflicting.statusCode()).isEqualTo(409);
        assertThat(conflicting.body()).contains("segment-stored");
    }

    @Test
    void storesSegmentsArrivingOutOfOrderAndRefusesAPatchAtTheWrongOffset() {
        byte[] two = bytes(3_000, 9);
        byte[] zero = bytes(3_000, 10);
        agent.upload(TusClient.metadata(LESSON, ROOM, "students", 2, two), two);
        String location = agent.create(TusClient.metadata(LESSON, ROOM, "students", 0, zero), zero.length)
                .headers().firstValue("Location").orElseThrow();
        assertThat(agent.patch(location, 100, zero, null).statusCode()).isEqualTo(409);
        assertThat(agent.patch(location, 0, zero, null).statusCode()).isEqualTo(204);
        String body = agent.get("/api/ingest/segments?lesson=" + enc(LESSON) + "&classroom=" + ROOM).body();
        assertThat(body.indexOf("\"segment\" : 0")).isLessThan(body.indexOf("\"segment\" : 2"));
    }

    @Test
    void terminatesAnUnfinishedUpload() {
        byte[] content = bytes(5_000, 11);
        String location = agent.create(TusClient.metadata(LESSON, ROOM, "teacher", 6, content), content.length)
                .headers().firstValue("Location").orElseThrow();
        agent.patch(location, 0, Arrays.copyOf(content, 1_000), null);
        assertThat(agent.delete(location).statusCode()).isEqualTo(204);
        assertThat(agent.head(location).statusCode()).isEqualTo(404);
        assertThat(agent.create(TusClient.metadata(LESSON, ROOM, "teacher", 6, content), content.length)
                .headers().firstValue("Upload-Offset")).contains("0");
    }

    @Test
    void refusesOtherClassroomsTokensMissingTokensAndAnotherTusVersion() {
        byte[] content = bytes(1_000, 12);
        UploadMetadata meta = TusClient.metadata(LESSON, ROOM, "teacher", 7, content);
        var otherRoom = new TusClient(server.port(), TusClient.agentToken("renzhuang/lubo")).create(meta, content.length);
        assertThat(otherRoom.statusCode()).isEqualTo(403);
        var staff = new TusClient(server.port(), TusClient.staffToken()).create(meta, content.length);
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(new TusClient(server.port(), null).create(meta, content.length).statusCode()).isEqualTo(401);
        var oldTus = agent.send(agent.request("/api/uploads/").setHeader("Tus-Resumable", "0.2.2")
                .header("Upload-Length", "1000").header("Upload-Metadata", meta.header())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(oldTus.statusCode()).isEqualTo(412);
        assertThat(oldTus.headers().firstValue("Tus-Version")).contains("1.0.0");
        assertThat(new TusClient(server.port(), TusClient.staffToken())
                .get("/api/ingest/segments?lesson=" + enc(LESSON) + "&classroom=" + ROOM).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesMetadataThatNamesNoLessonOrAMalformedOne() {
        var noLesson = agent.send(agent.request("/api/uploads/").header("Upload-Length", "10")
                .header("Upload-Metadata", "classroom " + TusClient.base64(ROOM.getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(noLesson.statusCode()).isEqualTo(400);
        assertThat(noLesson.body()).contains("has no 'lesson'");
        var badLesson = agent.get("/api/ingest/segments?lesson=" + enc("no such lesson!") + "&classroom=" + ROOM);
        assertThat(badLesson.statusCode()).isEqualTo(400);
        assertThat(badLesson.body()).contains("is not a lesson id");
    }

    @Test
    void acceptsTheManifestOfTheTokensClassroomOnly() {
        String manifest = """
                {"sources":[{"name":"teacher","segments":2,"gaps":[{"from":"2021-11-24T13:41:02+08:00","to":"2021-11-24T13:41:09+08:00","reason":"source reopened"}]}],
                 "startedAt":"2021-11-24T13:29:30+08:00","endedAt":"2021-11-24T14:10:30+08:00"}""";
        String path = "/api/ingest/lessons/" + enc(LESSON) + "/classrooms/wuzhong/lubo/manifest";
        assertThat(agent.put(path, manifest).statusCode()).isEqualTo(202);
        assertThat(new TusClient(server.port(), TusClient.agentToken("renzhuang/lubo")).put(path, manifest).statusCode()).isEqualTo(403);
        var broken = agent.put(path, "{\"sources\":[]}");
        assertThat(broken.statusCode()).isEqualTo(400);
    }

    private long awaitOffset(String location, long expected) throws InterruptedException {
        long offset = -1;
        for (int i = 0; i < 50 && offset != expected; i++) {
            offset = Long.parseLong(agent.head(location).headers().firstValue("Upload-Offset").orElse("-1"));
            Thread.sleep(50);
        }
        return offset;
    }

    /** A PATCH answered 423 while the recorder is still dropping a cut chunk; tried again until it is not. */
    private int awaitPatchable(String location, long offset, byte[] chunk) throws InterruptedException {
        int status = 423;
        for (int i = 0; i < 50 && status == 423; i++) {
            status = agent.patch(location, offset, chunk, "sha1 " + TusClient.base64(TusClient.digest("SHA-1", chunk))).statusCode();
            if (status == 423) {
                Thread.sleep(50);
            }
        }
        return status;
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
