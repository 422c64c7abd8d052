package org.tongke.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.agent.capture.LessonFiles;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.config.SourceSpec;
import org.tongke.agent.testing.Media;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.schedule.LessonRooms;
import org.tongke.signaling.server.ServerOptions;
import org.tongke.signaling.server.SignalingServer;

/**
 * The agent in its lesson's room on the real signaling server: the room opens a few seconds
 * after the agent first tries it (10:00 lesson, 09:59:48 now, the room 6 s before the lesson);
 * the lead teacher starts the lesson before its time, the agent records at once and the teacher
 * sees it say so; the teacher ends it long before its scheduled end, the agent stops, says so,
 * leaves the room, and does not take the lesson up again when its scheduled time comes.
 */
class LessonRoomIT {
    static final String RURAL = SignalingIT.RURAL;
    static final java.time.ZoneId BEIJING = SignalingIT.BEIJING;
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = SignalingIT.JSON;

    /** The same county, plan and clock as {@link SignalingIT}: the lesson 10:00 to 10:01, 09:59:48 now. */
    final SignalingIT fixture = new SignalingIT();
    final java.time.Clock clock = fixture.clock;
    final String lesson = fixture.lesson;

    @TempDir
    Path dir;
    SignalingServer server;
    EdgeAgent agent;

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A real console's WebSocket: every message it is sent, in order. */
    static final class Console implements WebSocket.Listener {
        final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        final StringBuilder part = new StringBuilder();
        WebSocket ws;

        static Console connect(int port, String token) throws Exception {
            Console c = new Console();
            c.ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), c).get(5, TimeUnit.SECONDS);
            c.send("{\"v\":1,\"type\":\"hello\",\"token\":\"" + token + "\"}");
            c.next("welcome", m -> m.path("type").asText().equals("welcome"), Duration.ofSeconds(5));
            return c;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                try {
                    inbox.add(JSON.readTree(part.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                part.setLength(0);
            }
            ws.request(1);
            return null;
        }

        void send(String text) {
            ws.sendText(text, true).join();
        }

        /** The first message from now on that matches, skipping the others. */
        JsonNode next(String what, Predicate<JsonNode> wanted, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                JsonNode m = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("timed out waiting for " + what);
                }
                if (wanted.test(m)) {
                    return m;
                }
            }
        }
    }

    static Predicate<JsonNode> delta(String kind) {
        return m -> m.path("type").asText().equals("delta") && m.path("change").path("kind").asText().equals(kind);
    }

    LocalTime beijingNow() {
        return LocalTime.now(clock.withZone(BEIJING));
    }

    List<Path> segments(Path source) throws Exception {
        if (!Files.isDirectory(source)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(source)) {
            return files.filter(p -> LessonFiles.indexOf(p).isPresent()).sorted().toList();
        }
    }

    @Test
    void theLeadTeachersStartAndEndOfTheLessonStartAndStopTheRecordingWhichTheRoomSees() throws Exception {
        server = SignalingServer.start(ServerOptions.defaults().withPort(0), new TokenVerifier(SignalingIT.SECRET, java.time.Clock.systemUTC()),
                clock, fixture.timetable(), new LessonRooms.Timing(Duration.ofSeconds(6), Duration.ofMinutes(15), Duration.ofMillis(200)));
        int port = server.port();
        Path store = dir.resolve("store");
        AgentConfig config = new AgentConfig(RURAL, fixture.token(Role.CLASSROOM_AGENT, "classroom:" + RURAL),
                URI.create("ws://127.0.0.1:" + port + "/ws"), URI.create("http://127.0.0.1:" + CrashIT.closedPort()), BEIJING,
                List.of(new SourceSpec.Lavfi("teacher", "testsrc2=size=320x240:rate=25", "sine=frequency=440", null)),
                new AgentConfig.Storage(store, 0, Long.MAX_VALUE, Duration.ofDays(1)),
                new AgentConfig.Recording(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2), "mpegts"),
                new AgentConfig.Upload(1 << 20, List.of()));
        agent = EdgeAgent.start(config, clock, new EdgeAgent.Options("ultrafast", Duration.ofSeconds(1), Duration.ofMillis(200)));

        // The room opens at 09:59:54; the agent, turned away until then, joins it.
        Console teacher = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonNode snapshot = null;
        while (snapshot == null) {
            if (teacher == null) {
                teacher = Console.connect(port, fixture.token(Role.LEAD_TEACHER, "lesson:" + lesson));
            }
            teacher.send("{\"v\":1,\"type\":\"join\",\"room\":\"" + lesson + "\"}");
            JsonNode answer = teacher.next("an answer to join", m -> m.path("type").asText().matches("snapshot|error"),
                    Duration.ofSeconds(5));
            if (answer.path("type").asText().equals("snapshot")) {
                snapshot = answer;
            } else if (System.nanoTime() > deadline) {
                throw new AssertionError("the lesson's room never opened: " + answer);
            } else {
                Thread.sleep(300);
            }
        }
        Console lead = teacher;
        boolean agentIn = false;
        for (JsonNode p : snapshot.path("state").path("participants")) {
            agentIn |= p.path("role").asText().equals("classroom-agent");
        }
        if (!agentIn) {
            lead.next("the agent joining the room", m -> delta("joined").test(m)
                    && m.path("change").path("participant").path("classroom").asText().equals(RURAL), Duration.ofSeconds(10));
        }
        assertThat(agent.health(null).recording()).isNull();

        // Started before its time (10:00, no pre-roll): the agent records at once and says so.
        assertThat(beijingNow()).isBefore(LocalTime.of(10, 0));
        lead.send("{\"v\":1,\"type\":\"start-lesson\",\"room\":\"" + lesson + "\"}");
        JsonNode on = lead.next("the agent saying it records", delta("recording"), Duration.ofSeconds(10));
        assertThat(on.path("change").path("classroom").asText()).isEqualTo(RURAL);
        assertThat(on.path("change").path("recording").asBoolean()).isTrue();
        assertThat(agent.health(null).recording()).isEqualTo(lesson);
        assertThat(beijingNow()).isBefore(LocalTime.of(10, 0));

        Path source = LessonFiles.lessonDir(store, lesson).resolve("teacher");
        SignalingIT.await("two segments recorded", SignalingIT.quietly(() -> segments(source).size() >= 2), Duration.ofSeconds(20));

        // Ended long before 10:01: the agent stops, finishing its segment, says so and leaves.
        lead.send("{\"v\":1,\"type\":\"end-lesson\",\"room\":\"" + lesson + "\"}");
        JsonNode off = lead.next("the agent saying it stopped", delta("recording"), Duration.ofSeconds(10));
        assertThat(off.path("change").path("classroom").asText()).isEqualTo(RURAL);
        assertThat(off.path("change").path("recording").asBoolean()).isFalse();
        assertThat(agent.health(null).recording()).isNull();
        assertThat(beijingNow()).isBefore(LocalTime.of(10, 1));
        JsonNode left = lead.next("the agent leaving the room", delta("left"), Duration.ofSeconds(5));
        assertThat(left.path("change").path("participant").path("classroom").asText()).isEqualTo(RURAL);
        try (Stream<Path> files = Files.list(source)) {
            assertThat(files.filter(p -> p.toString().endsWith(LessonFiles.PART))).isEmpty();
        }
        List<Path> recorded = segments(source);

        // The scheduled start comes and goes: the ended lesson is not recorded again.
        SignalingIT.await("the lesson's scheduled start passed", () -> !beijingNow().isBefore(LocalTime.of(10, 0, 1)), Duration.ofSeconds(15));
        Thread.sleep(1000);
        assertThat(agent.health(null).recording()).isNull();
        assertThat(segments(source)).isEqualTo(recorded);

        for (Path segment : recorded) {
            JsonNode probe = Media.probe(segment);
            assertThat(probe.path("streams").findValuesAsText("codec_name")).contains("h264", "aac");
            double seconds = probe.path("format").path("duration").asDouble();
            // Every segment 2 s but the last, which the end of the lesson cut short.
            if (!segment.equals(recorded.get(recorded.size() - 1))) {
                assertThat(seconds).as("%s", segment).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.2));
            } else {
                assertThat(seconds).as("%s", segment).isBetween(0.0, 2.2).isPositive();
            }
            assertThat(Media.decodeErrors(segment)).isEmpty();
        }
        lead.ws.abort();
    }
}
