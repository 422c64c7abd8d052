package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.testing.LocalRedis;

/**
 * Two signaling nodes in JVMs of their own on one real redis-server, with real WebSocket clients:
 * a lesson whose lead teacher is on node A and rural room on node B, then node A killed.
 */
class MultiNodeIT {
    /** Short, so that node B takes the rooms of a killed node A within a few seconds. */
    static final long LEASE_MILLIS = 2000;
    static final long GRACE_MILLIS = 20_000;
    static final String RURAL = SignalingServerIT.RURAL;

    /** The nodes log what they do (rooms taken over, sessions resumed) to their file in the temporary directory. */
    private static final String LOGBACK = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} %X{roomId} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.tongke" level="INFO"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>""";

    private final TokenIssuer issuer = new TokenIssuer(SignalingServerIT.SECRET, Clock.systemUTC());
    private final List<Process> nodes = new ArrayList<>();
    /** Unique per test, as are the node ids: under bin/test every test shares one Redis. */
    private final String room = "qt-01-sync#" + System.nanoTime();
    private final String inRoom = "\"room\":\"" + room + "\"";
    private final String open = inRoom + ",\"title\":\"分数的意义\",\"classrooms\":[\"" + RURAL + "\",\"shankou/lubo\"]";
    private LocalRedis redis;
    private Path logs;

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.start();
        logs = Files.createTempDirectory("multi-node");
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : nodes) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        redis.close();
    }

    /** Starts a node; its port. */
    private int node(String id) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = logs.resolve(id + ".log");
        Path logback = logs.resolve("logback.xml");
        Files.writeString(logback, LOGBACK);
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + logback,
                ClusterNode.class.getName(), redis.uri(), id + "-" + Math.abs(room.hashCode()), Long.toString(LEASE_MILLIS), Long.toString(GRACE_MILLIS))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        nodes.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && p.isAlive()) {
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("port ")) {
                    return Integer.parseInt(line.substring(5).trim());
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("node " + id + " did not start; its log:\n" + Files.readString(log));
    }

    private String token(Role role, String scope) {
        return issuer.issue(role, Scope.parse(scope), null, Duration.ofHours(1));
    }

    private static String health(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aLessonAcrossTwoNodesRelaysInOrderAndCarriesOnOnTheOtherNodeWhenTheOwnerIsKilled() throws Exception {
        int portA = node("a");
        int portB = node("b");
        String teacherToken = token(Role.LEAD_TEACHER, "lesson:" + room);
        WsClient teacher = WsClient.welcomed(portA, teacherToken);
        teacher.send("open-room", open);
        assertThat(teacher.next("snapshot").path("state").path("lesson").asText()).isEqualTo("waiting");
        try (WsClient assistant = WsClient.welcomed(portB, token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL))) {
            assistant.send("join", inRoom);
            assertThat(assistant.next("snapshot").path("state").path("participants")).hasSize(2);
            assertThat(teacher.change("joined").path("participant").path("classroom").asText()).isEqualTo(RURAL);

            assistant.send("raise-hand", inRoom);
            assertThat(teacher.change("hands").path("queue").toString()).isEqualTo("[\"" + RURAL + "\"]");
            assertThat(assistant.change("hands").path("queue").toString()).isEqualTo("[\"" + RURAL + "\"]");
            teacher.send("grant-floor", inRoom + ",\"classroom\":\"" + RURAL + "\"");
            assertThat(assistant.change("floor").path("classroom").asText()).isEqualTo(RURAL);
            assertThat(assistant.change("hands").path("queue")).isEmpty();
            assertThat(teacher.change("floor").path("classroom").asText()).isEqualTo(RURAL);
            assertThat(teacher.change("hands").path("queue")).isEmpty();

            assistant.send("grant-floor", inRoom + ",\"classroom\":\"" + RURAL + "\"");
            assertThat(assistant.error()).as("a refusal on the owner node comes back to the sender").isEqualTo("FORBIDDEN");

            for (int i = 1; i <= 20; i++) {
                assistant.send("chat", inRoom + ",\"text\":\"第" + i + "题\"");
            }
            for (int i = 1; i <= 20; i++) {
                assertThat(teacher.change("chat").path("entry").path("text").asText()).isEqualTo("第" + i + "题");
                assertThat(assistant.change("chat").path("entry").path("text").asText()).isEqualTo("第" + i + "题");
            }
            teacher.send("signal", inRoom + ",\"to\":\"" + assistant.session()
                    + "\",\"kind\":\"offer\",\"payload\":{\"type\":\"offer\",\"sdp\":\"v=0\"}");
            JsonNode offer = assistant.next("signal");
            assertThat(offer.path("from").asText()).isEqualTo(teacher.session());
            assertThat(offer.path("payload").path("sdp").asText()).isEqualTo("v=0");
            assistant.send("signal", inRoom + ",\"to\":\"" + teacher.session()
                    + "\",\"kind\":\"answer\",\"payload\":{\"type\":\"answer\",\"sdp\":\"v=0\"}");
            assertThat(teacher.next("signal").path("from").asText()).isEqualTo(assistant.session());
            assertThat(health(portB)).contains("\"node\":\"b-", "\"redis\":true");

            String teacherSession = teacher.session();
            long seen = teacher.lastSeq();
            nodes.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            teacher.close();
            assistant.send("chat", inRoom + ",\"text\":\"老师，听得见吗？\"");

            JsonNode away = assistant.change("away");
            assertThat(away.path("participant").path("session").asText()).isEqualTo(teacherSession);
            assertThat(away.path("reason").asText()).isEqualTo("node-lost");
            assertThat(assistant.change("chat").path("entry").path("text").asText())
                    .as("sent while the dead node still held the lease: it reaches the room once taken over")
                    .isEqualTo("老师，听得见吗？");

            try (WsClient resumed = WsClient.resumed(portB, teacherToken, teacherSession, seen)) {
                assertThat(resumed.welcome().path("session").asText()).isEqualTo(teacherSession);
                assertThat(resumed.welcome().path("resumed").asBoolean()).isTrue();
                assertThat(resumed.welcome().path("replay").asText()).isEqualTo("snapshot");
                JsonNode state = resumed.next("snapshot").path("state");
                assertThat(state.path("floor").asText()).isEqualTo(RURAL);
                assertThat(state.path("participants")).hasSize(2);
                assertThat(state.path("chat")).hasSize(21);
                assertThat(assistant.change("back").path("participant").path("session").asText())
                        .isEqualTo(teacherSession);

                assistant.send("raise-hand", inRoom);
                assertThat(resumed.change("hands").path("queue").toString()).isEqualTo("[\"" + RURAL + "\"]");
                resumed.send("start-lesson", inRoom);
                assertThat(assistant.change("hands").path("queue").toString()).isEqualTo("[\"" + RURAL + "\"]");
                assertThat(assistant.change("lesson").path("state").asText()).isEqualTo("live");
                assertThat(health(portB)).contains("\"rooms\":1");
            }
        }
    }

    @Test
    void aSessionResumedOnAnotherLiveNodeClosesItsOldConnectionThereAndKeepsItsRoomAfterThatNodeStops() throws Exception {
        int portA = node("a");
        int portB = node("b");
        String teacherToken = token(Role.LEAD_TEACHER, "lesson:" + room);
        try (WsClient teacher = WsClient.welcomed(portA, teacherToken);
                WsClient assistant = WsClient.welcomed(portA, token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL))) {
            teacher.send("open-room", open);
            teacher.next("snapshot");
            assistant.send("join", inRoom);
            assistant.next("snapshot");
            teacher.change("joined");

            try (WsClient moved = WsClient.resumed(portB, teacherToken, teacher.session(), teacher.lastSeq())) {
                assertThat(moved.welcome().path("resumed").asBoolean()).isTrue();
                assertThat(moved.welcome().path("replay").asText()).isEqualTo("snapshot");
                assertThat(moved.next("snapshot").path("state").path("participants")).hasSize(2);
                assertThat(teacher.closeCode()).isEqualTo(4004);
                assertThat(teacher.closeReason()).isEqualTo("resumed elsewhere");
                assertThat(assistant.change("back").path("participant").path("session").asText())
                        .isEqualTo(teacher.session());

                assistant.send("raise-hand", inRoom);
                assertThat(moved.change("hands").path("queue").toString()).isEqualTo("[\"" + RURAL + "\"]");
                moved.send("grant-floor", inRoom + ",\"classroom\":\"" + RURAL + "\"");
                assertThat(assistant.change("hands").path("queue").toString()).isEqualTo("[\"" + RURAL + "\"]");
                assertThat(assistant.change("floor").path("classroom").asText()).isEqualTo(RURAL);
                assertThat(moved.change("floor").path("classroom").asText()).isEqualTo(RURAL);
                assertThat(moved.change("hands").path("queue")).isEmpty();

                nodes.get(0).destroy();
                assertThat(nodes.get(0).waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(assistant.closeCode()).isEqualTo(1001);
                assertThat(moved.change("left").path("participant").path("session").asText())
                        .isEqualTo(assistant.session());
                moved.send("revoke-floor", inRoom);
                assertThat(moved.change("floor").path("classroom").isNull())
                        .as("node A stopped: node B runs the room").isTrue();
            }
        }
    }
}
