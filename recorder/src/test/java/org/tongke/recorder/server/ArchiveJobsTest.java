package org.tongke.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.recorder.archive.ArchiveSettings;
import org.tongke.recorder.testing.Ffmpeg;

/** Archive jobs through the running recorder: uploads and a manifest in, an archive and the admin view out. */
class ArchiveJobsTest {
    private static final String ROOM = "wuzhong/lubo";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path library;
    @TempDir
    Path media;
    private RecorderServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private RecorderServer start() throws Exception {
        server = RecorderServer.start(RecorderOptions.defaults(library).withPort(0)
                        .withArchive(ArchiveSettings.defaults().withPreset("ultrafast")),
                new TokenVerifier(TusClient.SECRET, Clock.systemUTC()), Clock.systemUTC());
        return server;
    }

    @Test
    void archivesALessonOnceItsManifestAndSegmentsAreInAndShowsTheJobDoneWithItsProgress() throws Exception {
        start();
        TusClient agent = new TusClient(server.port(), TusClient.agentToken(ROOM));
        String lesson = "qt-01-sync#1@2021-11-24";
        putManifest(agent, lesson, 2);
        upload(agent, lesson, 1, Ffmpeg.clip(media.resolve("1.mp4"), 2, 320, 180, true, "libx264"));
        assertThat(jobs().path("jobs")).isEmpty();
        upload(agent, lesson, 0, Ffmpeg.clip(media.resolve("0.mp4"), 2, 320, 180, true, "libx264"));

        JsonNode job = awaitJob(lesson, j -> j.path("state").asText().equals("done"));

        assertThat(job.path("progress").asInt()).isEqualTo(100);
        assertThat(job.path("attempts").asInt()).isEqualTo(1);
        Path archive = library.resolve("archives/qt-01-sync%231%402021-11-24/wuzhong/lubo");
        assertThat(Ffmpeg.duration(Ffmpeg.probe(archive.resolve("teacher/original.mp4")))).isBetween(3.5, 4.5);
        String metrics = new TusClient(server.port(), null).get("/metrics").body();
        assertThat(metrics).contains("tongke_recorder_jobs_done 1", "tongke_recorder_jobs_failed 0", "tongke_recorder_archives_total 1");
    }

    @Test
    void failsTheJobOfRandomBytesWithItsReasonWhileTheOtherJobsGoOnAndTheArchivedOneStaysUntouched() throws Exception {
        start();
        TusClient agent = new TusClient(server.port(), TusClient.agentToken(ROOM));
        String good = "qt-02#1@2021-11-24";
        upload(agent, good, 0, Ffmpeg.clip(media.resolve("good.mp4"), 2, 320, 180, true, "libx264"));
        putManifest(agent, good, 1);
        awaitJob(good, j -> j.path("state").asText().equals("done"));
        Path archived = library.resolve("archives/qt-02%231%402021-11-24/wuzhong/lubo/manifest.json");
        String before = Files.readString(archived);

        String bad = "qt-03#1@2021-11-24";
        byte[] noise = new byte[40_000];
        new Random(7).nextBytes(noise);
        upload(agent, bad, 0, Files.write(media.resolve("noise.mp4"), noise));
        putManifest(agent, bad, 1);
        String next = "qt-04#1@2021-11-24";
        upload(agent, next, 0, Ffmpeg.clip(media.resolve("next.mp4"), 2, 320, 180, false, "libx264"));
        putManifest(agent, next, 1);

        JsonNode failed = awaitJob(bad, j -> j.path("state").asText().equals("failed"));
        assertThat(failed.path("reason").asText()).contains("segment teacher#0 is not media FFmpeg can read");
        awaitJob(next, j -> j.path("state").asText().equals("done"));
        assertThat(Files.readString(archived)).isEqualTo(before);
        assertThat(library.resolve("archives/qt-03%231%402021-11-24")).doesNotExist();
        assertThat(new TusClient(server.port(), TusClient.agentToken(ROOM)).get("/api/admin/jobs").statusCode()).isEqualTo(403);
    }

    @Test
    void doesAJobCutOffByAStopAgainOnRestartAndNeverPublishesAHalfWrittenArchive() throws Exception {
        start();
        TusClient agent = new TusClient(server.port(), TusClient.agentToken(ROOM));
        String lesson = "qt-05#1@2021-11-24";
        upload(agent, lesson, 0, Ffmpeg.clip(media.resolve("long.mp4"), 6, 1280, 720, true, "libx264"));
        putManifest(agent, lesson, 1);
        awaitJob(lesson, j -> j.path("state").asText().equals("running") && j.path("progress").asInt() >= 5);
        server.close();
        Path archive = library.resolve("archives/qt-05%231%402021-11-24/wuzhong/lubo");
        assertThat(archive).doesNotExist();
        Path leftover = Files.createDirectories(library.resolve("archives/.staging/left-by-a-killed-recorder/teacher"));
        Files.writeString(leftover.resolve("index.m3u8"), "#EXTM3U\n");

        start();
        JsonNode job = awaitJob(lesson, j -> j.path("state").asText().equals("done"));

        assertThat(job.path("attempts").asInt()).isEqualTo(2);
        assertThat(Ffmpeg.duration(Ffmpeg.probe(archive.resolve("teacher/720p/index.m3u8")))).isBetween(5.5, 6.5);
        assertThat(library.resolve("archives/.staging")).isEmptyDirectory();
    }

    private static void upload(TusClient agent, String lesson, int segment, Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        agent.upload(TusClient.metadata(lesson, ROOM, "teacher", segment, bytes), bytes);
    }

    private static void putManifest(TusClient agent, String lesson, int segments) {
        var answer = agent.put("/api/ingest/lessons/" + TusIngestTest.enc(lesson) + "/classrooms/wuzhong/lubo/manifest",
                "{\"sources\":[{\"name\":\"teacher\",\"segments\":" + segments + "}],"
                        + "\"startedAt\":\"2021-11-24T08:00:00+08:00\",\"endedAt\":\"2021-11-24T08:45:00+08:00\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private JsonNode jobs() throws Exception {
        var answer = new TusClient(server.port(), TusClient.staffToken()).get("/api/admin/jobs");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private JsonNode awaitJob(String lesson, Predicate<JsonNode> condition) throws Exception {
        JsonNode last = null;
        for (int i = 0; i < 1200; i++) {
            for (JsonNode job : jobs().path("jobs")) {
                if (job.path("lesson").asText().equals(lesson)) {
                    last = job;
                    if (condition.test(job)) {
                        return job;
                    }
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("job of " + lesson + " never got there; last seen " + last);
    }
}
