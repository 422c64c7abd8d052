package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.county.County;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;
import org.tongke.recorder.catalog.LessonDirectory;
import org.tongke.recorder.catalog.PlanFile;
import org.tongke.recorder.library.LibraryExtension;
import org.tongke.recorder.server.RecorderOptions;
import org.tongke.recorder.server.RecorderServer;
import org.tongke.signaling.held.RecorderLink;
import org.tongke.signaling.schedule.LessonRooms;
import org.tongke.signaling.schedule.PlanReader;
import org.tongke.signaling.schedule.TestPlans;
import org.tongke.signaling.schedule.Timetable;

/**
 * A lesson that runs in its room with no recording at all, the signaling server reporting it to
 * a real recorder ({@code --recorder}), whose delivered-lesson report then counts it: held live,
 * not archived. Both servers in process on loopback ports, sharing the token secret and the
 * world's clock (10:00 in Beijing today).
 */
class HeldLessonsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final AgentsWorld world = new AgentsWorld();
    private final String lesson = world.lessonToday("c1-math#1", "10:05", "10:45");
    private final String room = "c1-math#1@" + world.today;
    private SignalingServer signaling;
    private RecorderServer recorder;

    @AfterEach
    void stop() throws Exception {
        if (signaling != null) {
            signaling.close();
        }
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void aLessonThatRanWithoutAnyRecordingCountsDeliveredHeldLiveNotArchived() throws Exception {
        recorder = recorder(0);
        signaling = signaling(recorder.port());

        runTheLesson();

        JsonNode pairing = awaitDelivered(recorder.port());
        assertThat(pairing.path("archivedLessons").asInt()).isZero();
        assertThat(pairing.path("heldWithoutArchiveLessons").asInt()).isEqualTo(1);
        JsonNode math = pairing.path("subjects").get(0);
        assertThat(math.path("subject").asText()).isEqualTo("数学");
        assertThat(math.path("planned").asInt()).isEqualTo(1);
        assertThat(math.path("delivered").asInt()).isEqualTo(1);
        assertThat(math.path("heldWithoutArchive").asInt()).isEqualTo(1);
        String metrics = AgentsWorld.get(signaling.port(), "/metrics", null).body();
        assertThat(metrics).contains("tongke_signaling_held_lessons_posted_total 1\n",
                "tongke_signaling_held_lessons_failed_total 0\n", "tongke_signaling_held_lessons_pending 0\n");
    }

    @Test
    void aLessonThatEndsWhileTheRecorderIsDownReachesItOnceItIsBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        signaling = signaling(port);

        runTheLesson();
        Thread.sleep(1000);
        assertThat(AgentsWorld.get(signaling.port(), "/metrics", null).body())
                .as("retrying while nothing listens").contains("tongke_signaling_held_lessons_pending 1\n",
                        "tongke_signaling_held_lessons_posted_total 0\n");
        recorder = recorder(port);

        JsonNode pairing = awaitDelivered(port);
        assertThat(pairing.path("heldWithoutArchiveLessons").asInt()).isEqualTo(1);
        assertThat(AgentsWorld.get(signaling.port(), "/metrics", null).body())
                .contains("tongke_signaling_held_lessons_posted_total 1\n", "tongke_signaling_held_lessons_pending 0\n");
    }

    /** The lead teacher and the rural room's assistant join; attendance; the lesson starts and ends. */
    private void runTheLesson() throws Exception {
        try (WsClient teacher = WsClient.welcomed(signaling.port(), world.token(Role.LEAD_TEACHER, "lesson:" + room));
             WsClient rural = WsClient.welcomed(signaling.port(),
                     world.token(Role.ASSISTANT_TEACHER, "classroom:" + AgentsWorld.RURAL))) {
            teacher.send("join", "\"room\":\"" + room + "\"");
            teacher.next("snapshot");
            rural.send("join", "\"room\":\"" + room + "\"");
            rural.next("snapshot");
            teacher.change("joined");
            teacher.send("start-lesson", "\"room\":\"" + room + "\"");
            teacher.change("lesson");
            rural.change("lesson");
            rural.send("attendance", "\"room\":\"" + room + "\",\"present\":28,\"total\":30");
            rural.change("attendance");
            teacher.change("attendance");
            teacher.send("end-lesson", "\"room\":\"" + room + "\"");
            assertThat(rural.change("lesson").path("state").asText()).isEqualTo("ended");
        }
    }

    private SignalingServer signaling(int recorderPort) throws Exception {
        Timetable timetable = world.timetable(lesson);
        RecorderLink link = RecorderLink.of("http://127.0.0.1:" + recorderPort + "/", SignalingServerIT.SECRET)
                .withRetry(Duration.ofMillis(100), Duration.ofMillis(400));
        return SignalingServer.start(ServerOptions.defaults().withPort(0).withRecorder(link),
                new TokenVerifier(SignalingServerIT.SECRET, java.time.Clock.systemUTC()), world.clock, timetable,
                new LessonRooms.Timing(Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMillis(100)));
    }

    /** The recorder with its library: the tiny county and the same plan as the signaling server's. */
    private RecorderServer recorder(int port) throws Exception {
        County county = CountyValidator.validate(TinyCounty.copyTo(dir.resolve("county-" + port)).dir()).orThrow();
        Path plan = Files.writeString(dir.resolve("plan.json"), TestPlans.file(List.of(lesson)), StandardCharsets.UTF_8);
        Path library = dir.resolve("library");
        return RecorderServer.start(RecorderOptions.defaults(library).withPort(port),
                new TokenVerifier(SignalingServerIT.SECRET, world.clock), world.clock, new LibraryExtension(
                        new LessonDirectory(county, PlanFile.read(plan)), library, SignalingServerIT.SECRET, world.clock));
    }

    /** The pairing chengxi → zhenbu once the report counts a delivered lesson (within 10 s). */
    private JsonNode awaitDelivered(int recorderPort) throws Exception {
        String staff = new TokenIssuer(SignalingServerIT.SECRET, world.clock).issue(Role.STAFF,
                Scope.parse("county:" + TestPlans.COUNTY), "bureau", Duration.ofHours(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode report = JSON.readTree(AgentsWorld.get(recorderPort, "/api/report/delivered", staff).body());
            for (JsonNode pairing : report.path("pairings")) {
                if ("zhenbu".equals(pairing.path("receiving").asText()) && pairing.path("deliveredLessons").asInt() > 0) {
                    assertThat(pairing.path("deliveredLessons").asInt()).isEqualTo(1);
                    return pairing;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the recorder's report never counted the lesson: " + report);
            }
            Thread.sleep(100);
        }
    }
}
