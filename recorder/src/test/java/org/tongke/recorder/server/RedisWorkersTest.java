package org.tongke.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.testing.LocalRedis;
import org.tongke.recorder.archive.ArchiveSettings;
import org.tongke.recorder.jobs.RedisJobQueue;
import org.tongke.recorder.testing.Ffmpeg;

/** Two recorders sharing one library, one database and one Redis Stream of jobs, on a real redis-server. */
class RedisWorkersTest {
    private static final String ROOM = "wuzhong/lubo";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path library;
    @TempDir
    Path media;
    private LocalRedis redis;
    private final List<RecorderServer> servers = new ArrayList<>();

    @BeforeEach
    void startRedis() throws Exception {
        redis = LocalRedis.start();
        RedisClient client = RedisClient.create(redis.uri());
        try (var c = client.connect()) {
            c.sync().del(RedisJobQueue.STREAM);
        } finally {
            client.shutdown();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (RecorderServer s : servers) {
            s.close();
        }
        redis.close();
    }

    private RecorderServer worker(Duration staleAfter) throws Exception {
        RecorderServer server = RecorderServer.start(RecorderOptions.defaults(library).withPort(0)
                        .withDb("jdbc:h2:file:" + library.resolve("shared-db").toAbsolutePath())
                        .withRedis(redis.uri(), staleAfter).withArchive(ArchiveSettings.defaults().withPreset("ultrafast")),
                new TokenVerifier(TusClient.SECRET, Clock.systemUTC()), Clock.systemUTC());
        servers.add(server);
        return server;
    }

    @Test
    void twoWorkersShareTheJobsAndDoEachOnce() throws Exception {
        RecorderServer first = worker(Duration.ofSeconds(30));
        worker(Duration.ofSeconds(30));
        TusClient agent = new TusClient(first.port(), TusClient.agentToken(ROOM));
        byte[] clip = Files.readAllBytes(Ffmpeg.clip(media.resolve("c.mp4"), 2, 320, 180, true, "libx264"));
        List<String> lessons = List.of("qt-11#1@2021-11-24", "qt-12#1@2021-11-24", "qt-13#1@2021-11-24", "qt-14#1@2021-11-24");
        for (String lesson : lessons) {
            agent.upload(TusClient.metadata(lesson, ROOM, "teacher", 0, clip), clip);
            putManifest(agent, lesson);
        }

        List<JsonNode> done = awaitAll(first, lessons, "done");

        assertThat(done).allSatisfy(job -> assertThat(job.path("attempts").asInt()).isEqualTo(1));
        for (String lesson : lessons) {
            assertThat(library.resolve("archives/" + TusIngestTest.enc(lesson) + "/wuzhong/lubo/manifest.json")).exists();
        }
        RedisClient client = RedisClient.create(redis.uri());
        try (var c = client.connect()) {
            assertThat(c.sync().xpending(RedisJobQueue.STREAM, RedisJobQueue.GROUP).getCount()).isZero();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aJobLeftByAWorkerThatStoppedMidJobIsTakenOverByTheOther() throws Exception {
        RecorderServer first = worker(Duration.ofSeconds(1));
        TusClient agent = new TusClient(first.port(), TusClient.agentToken(ROOM));
        byte[] clip = Files.readAllBytes(Ffmpeg.clip(media.resolve("long.mp4"), 6, 1280, 720, true, "libx264"));
        String lesson = "qt-15#1@2021-11-24";
        agent.upload(TusClient.metadata(lesson, ROOM, "teacher", 0, clip), clip);
        putManifest(agent, lesson);
        JsonNode running = awaitAll(first, List.of(lesson), "running").get(0);
        String firstWorker = running.path("worker").asText();
        first.close();
        servers.remove(first);
        assertThat(library.resolve("archives/qt-15%231%402021-11-24")).doesNotExist();

        RecorderServer second = worker(Duration.ofSeconds(1));
        JsonNode job = awaitAll(second, List.of(lesson), "done").get(0);

        assertThat(job.path("attempts").asInt()).isEqualTo(2);
        assertThat(job.path("worker").asText()).isNotEqualTo(firstWorker);
        assertThat(Ffmpeg.duration(Ffmpeg.probe(library.resolve("archives/qt-15%231%402021-11-24/wuzhong/lubo/teacher/360p/index.m3u8"))))
                .isBetween(5.5, 6.5);
    }

    private static void putManifest(TusClient agent, String lesson) {
        var answer = agent.put("/api/ingest/lessons/" + TusIngestTest.enc(lesson) + "/classrooms/wuzhong/lubo/manifest",
                "{\"sources\":[{\"name\":\"teacher\",\"segments\":1}],"
                        + "\"startedAt\":\"2021-11-24T08:00:00+08:00\",\"endedAt\":\"2021-11-24T08:45:00+08:00\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private static List<JsonNode> awaitAll(RecorderServer server, List<String> lessons, String state) throws Exception {
        TusClient staff = new TusClient(server.port(), TusClient.staffToken());
        JsonNode last = null;
        for (int i = 0; i < 2400; i++) {
            last = JSON.readTree(staff.get("/api/admin/jobs").body()).path("jobs");
            List<JsonNode> matching = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (JsonNode job : last) {
                if (lessons.contains(job.path("lesson").asText()) && job.path("state").asText().equals(state)
                        && (!state.equals("running") || job.path("progress").asInt() >= 5)) {
                    matching.add(job);
                    seen.add(job.path("lesson").asText());
                }
            }
            if (seen.size() == lessons.size()) {
                return matching;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("jobs of " + lessons + " never all " + state + "; last seen " + last);
    }
}
