package org.tongke.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.agent.capture.LessonFiles;
import org.tongke.agent.capture.LessonManifest;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.config.SourceSpec;
import org.tongke.agent.schedule.ScheduleCache;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.schedule.KnownClassroom;
import org.tongke.signaling.schedule.LessonRooms;
import org.tongke.signaling.schedule.PlanReader;
import org.tongke.signaling.schedule.Timetable;
import org.tongke.signaling.server.ServerOptions;
import org.tongke.signaling.server.SignalingServer;

/**
 * The agent against the real signaling server, on a clock on which the lesson (10:00 to 10:01
 * in Beijing, today) is a few seconds away: schedule, acknowledgement, health, a staff command,
 * then the server stopped before the lesson, which is recorded anyway, and the link taken up
 * again when the server is back.
 */
class SignalingIT {
    static final byte[] SECRET = "an-integration-test-secret-of-more-than-32-bytes".getBytes(StandardCharsets.UTF_8);
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String RURAL = "zhenbu/lubo";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SignalingServer server;
    EdgeAgent agent;

    final TokenIssuer issuer = new TokenIssuer(SECRET, Clock.systemUTC());
    final LocalDate today = LocalDate.now(BEIJING);
    /** 09:59:48 in Beijing now: the lesson starts in 12 s. */
    final Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(),
            today.atTime(9, 59, 48).atZone(BEIJING).toInstant()));
    final String lesson = "c1-math#1@" + today;

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static String room(String school, String name) {
        return "{\"school\":\"" + school + "\",\"schoolName\":\"" + name + "\",\"classroom\":\"lubo\",\"classId\":\"g4c1\","
                + "\"className\":\"四年级(1)班\",\"teacher\":null,\"period\":1,\"periodStart\":\"10:00\",\"periodEnd\":\"10:01\","
                + "\"displaces\":\"free\",\"swap\":null}";
    }

    Timetable timetable() {
        String occurrence = "{\"id\":\"" + lesson + "\",\"weekly\":\"c1-math#1\",\"requirement\":\"c1-math\","
                + "\"community\":\"c1\",\"kind\":\"synchronized\",\"subject\":\"数学\",\"date\":\"" + today + "\","
                + "\"timetableDay\":\"" + today.getDayOfWeek().name().toLowerCase() + "\",\"start\":\"10:00\",\"end\":\"10:01\","
                + "\"host\":" + room("chengxi", "城西小学") + ",\"receivers\":[" + room("zhenbu", "祯埠镇小") + "]}";
        String plan = "{\"format\":\"tongke-plan\",\"version\":1,\"plan\":{\"county\":\"tiny\",\"score\":\"0hard/0medium/0soft\","
                + "\"weekly\":[],\"occurrences\":[" + occurrence + "],\"cancellations\":[],\"research\":[],\"unplaced\":[],"
                + "\"compliance\":[]}}";
        Timetable t = new Timetable(clock, List.of(new KnownClassroom("chengxi/lubo", "城西小学", "录播教室"),
                new KnownClassroom(RURAL, "祯埠镇小", "录播教室")));
        t.replace(PlanReader.read(plan.getBytes(StandardCharsets.UTF_8), "test"));
        return t;
    }

    SignalingServer startServer(int port) throws InterruptedException {
        return SignalingServer.start(ServerOptions.defaults().withPort(port), new TokenVerifier(SECRET, Clock.systemUTC()),
                clock, timetable(), new LessonRooms.Timing(Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMillis(200)));
    }

    String token(Role role, String scope) {
        return issuer.issue(role, Scope.parse(scope), null, Duration.ofHours(1));
    }

    JsonNode rural(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/classrooms"))
                .header("Authorization", "Bearer " + token(Role.STAFF, "county:tiny")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode c : JSON.readTree(r.body()).path("classrooms")) {
            if (c.path("classroom").asText().equals(RURAL)) {
                return c;
            }
        }
        throw new AssertionError(RURAL + " missing from " + r.body());
    }

    static void await(String what, BooleanSupplier done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static BooleanSupplier quietly(Check c) {
        return () -> {
            try {
                return c.ok();
            } catch (Exception e) {
                return false;
            }
        };
    }

    @Test
    void scheduledHealthyCommandedThenRecordingWithTheServerGoneAndBackAgain() throws Exception {
        server = startServer(0);
        int port = server.port();
        Path store = dir.resolve("store");
        AgentConfig config = new AgentConfig(RURAL, token(Role.CLASSROOM_AGENT, "classroom:" + RURAL),
                URI.create("ws://127.0.0.1:" + port + "/ws"), URI.create("http://127.0.0.1:" + CrashIT.closedPort()), BEIJING,
                List.of(new SourceSpec.Lavfi("teacher", "testsrc2=size=320x240:rate=25", "sine=frequency=440", null)),
                new AgentConfig.Storage(store, 0, Long.MAX_VALUE, Duration.ofDays(1)),
                new AgentConfig.Recording(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2), "mpegts"),
                new AgentConfig.Upload(1 << 20, List.of()));
        agent = EdgeAgent.start(config, clock, new EdgeAgent.Options("ultrafast", Duration.ofSeconds(1), Duration.ofMillis(200)));

        await("the schedule cached and acknowledged, and health reported", quietly(() -> {
            JsonNode r = rural(port);
            return r.path("acknowledgedVersion").asLong() > 0
                    && r.path("health").path("scheduleVersion").asLong() == r.path("acknowledgedVersion").asLong();
        }), Duration.ofSeconds(10));
        JsonNode seen = rural(port);
        assertThat(new ScheduleCache(store, RURAL).current().lessons()).singleElement()
                .satisfies(l -> assertThat(l.lesson()).isEqualTo(lesson));
        assertThat(seen.path("acknowledgedVersion").asLong()).isEqualTo(new ScheduleCache(store, RURAL).current().version());
        JsonNode health = seen.path("health");
        assertThat(health.path("sources").get(0).path("state").asText()).isEqualTo("idle");
        assertThat(health.path("disk").path("freeBytes").asLong()).isPositive();
        assertThat(health.path("scheduleVersion").asLong()).isEqualTo(seen.path("acknowledgedVersion").asLong());
        await("a clock offset measured", () -> agent.signaling().clockOffsetMs() != null, Duration.ofSeconds(5));
        assertThat(Math.abs(agent.signaling().clockOffsetMs())).isLessThan(1000);

        // Staff ask for the status over their own connection.
        BlockingQueue<String> staffInbox = new LinkedBlockingQueue<>();
        WebSocket staff = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                new WebSocket.Listener() {
                    final StringBuilder part = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        part.append(data);
                        if (last) {
                            staffInbox.add(part.toString());
                            part.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        staff.sendText("{\"v\":1,\"type\":\"hello\",\"token\":\"" + token(Role.STAFF, "school:zhenbu") + "\"}", true).join();
        staff.sendText("{\"v\":1,\"type\":\"agent-command\",\"classroom\":\"" + RURAL + "\",\"command\":\"status\",\"id\":\"c-1\"}", true).join();
        JsonNode result = null;
        for (String m = staffInbox.poll(10, TimeUnit.SECONDS); m != null; m = staffInbox.poll(10, TimeUnit.SECONDS)) {
            JsonNode n = JSON.readTree(m);
            if (n.path("type").asText().equals("command-result")) {
                result = n;
                break;
            }
        }
        assertThat(result).isNotNull();
        assertThat(result.path("id").asText()).isEqualTo("c-1");
        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("message").asText()).isEqualTo("idle");
        staff.abort();

        // The link goes down before the lesson.
        server.close();
        server = null;
        Path source = LessonFiles.lessonDir(store, lesson).resolve("teacher");
        await("two segments of the lesson recorded with the server gone", quietly(() -> {
            try (Stream<Path> files = Files.list(source)) {
                return files.filter(p -> LessonFiles.indexOf(p).isPresent()).count() >= 2;
            }
        }), Duration.ofSeconds(25));
        assertThat(agent.health(null).recording()).isEqualTo(lesson);

        // The server is back: the agent reconnects and reports it is recording.
        server = startServer(port);
        await("the agent back online, reporting the recording", quietly(() -> {
            JsonNode r = rural(port);
            return r.path("state").asText().equals("online") && r.path("health").path("recording").asText().equals(lesson)
                    && r.path("health").path("sources").get(0).path("state").asText().equals("recording");
        }), Duration.ofSeconds(30));

        agent.close();
        agent = null;
        try (Stream<Path> files = Files.list(source)) {
            assertThat(files.filter(p -> p.toString().endsWith(LessonFiles.PART))).isEmpty();
        }
        assertThat(LessonManifest.open(LessonFiles.manifest(store, lesson), BEIJING, Instant.now()).ended()).isTrue();
    }
}
