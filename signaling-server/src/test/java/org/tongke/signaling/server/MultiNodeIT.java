package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.signaling.web.TcpProxy;

/**
 * Two signaling nodes in JVMs of their own on one real redis-server, with real WebSocket clients:
 * a lesson whose lead teacher is on node A and rural room on node B, then node A killed.
 */
class MultiNodeIT {
    static final String RURAL = SignalingServerIT.RURAL;

    private final TokenIssuer issuer = new TokenIssuer(SignalingServerIT.SECRET, Clock.systemUTC());
    /** Unique per test, as are the node ids: under bin/test every test shares one Redis. */
    private final String room = "qt-01-sync#" + System.nanoTime();
    private final String inRoom = "\"room\":\"" + room + "\"";
    private final String open = inRoom + ",\"title\":\"分数的意义\",\"classrooms\":[\"" + RURAL + "\",\"shankou/lubo\"]";
    private ClusterNodes cluster;

    @BeforeEach
    void start() throws Exception {
        cluster = ClusterNodes.start(Integer.toString(Math.abs(room.hashCode())));
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
    }

    private int node(String id) throws Exception {
        return cluster.node(id);
    }

    private String token(Role role, String scope) {
        return issuer.issue(role, Scope.parse(scope), null, Duration.ofHours(1));
    }

    private static String health(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!check.holds()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    @Test
    void aNodeCutFromRedisGivesUpTheRoomAnotherNodeTookAndItsMemberCarriesOnWithTheRoomThere() throws Exception {
        URI redis = URI.create(cluster.redisUri());
        try (TcpProxy link = TcpProxy.to(redis.getPort())) {
            int portA = cluster.node("a", "redis://127.0.0.1:" + link.port() + redis.getRawPath());
            int portB = node("b");
            try (WsClient teacher = WsClient.welcomed(portA, token(Role.LEAD_TEACHER, "lesson:" + room));
                    WsClient assistant = WsClient.welcomed(portB, token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL))) {
                teacher.send("open-room", open);
                teacher.next("snapshot");
                assistant.send("join", inRoom);
                assistant.next("snapshot");
                teacher.change("joined");

                link.block();
                link.cut();
                await("node A sees Redis gone", () -> get(portA, "/health").contains("\"redis\":false"));
                teacher.send("chat", inRoom + ",\"text\":\"断线时说的\"");
                assertThat(teacher.error()).as("a change node A cannot keep in step: try again").isEqualTo("NO_SUCH_ROOM");

                JsonNode away = assistant.change("away");
                assertThat(away.path("participant").path("session").asText()).isEqualTo(teacher.session());
                assertThat(away.path("reason").asText()).as("node B took the room over").isEqualTo("node-lost");
                await("node A gives the room up", () -> get(portA, "/metrics")
                        .contains("tongke_signaling_rooms_given_up_total{reason=\"unrenewed\"} 1"));
                assertThat(get(portA, "/health")).contains("\"rooms\":0");
                assistant.send("chat", inRoom + ",\"text\":\"B 上说的\"");
                assertThat(assistant.change("chat").path("entry").path("text").asText()).isEqualTo("B 上说的");

                link.unblock();
                JsonNode state = teacher.next("snapshot").path("state");
                assertThat(state.path("chat")).as("the room as node B holds it").hasSize(1);
                assertThat(state.path("chat").get(0).path("text").asText()).isEqualTo("B 上说的");
                assertThat(assistant.change("back").path("participant").path("session").asText())
                        .isEqualTo(teacher.session());

                assistant.send("chat", inRoom + ",\"text\":\"听得见吗\"");
                assertThat(teacher.change("chat").path("entry").path("text").asText()).isEqualTo("听得见吗");
                assertThat(assistant.change("chat").path("entry").path("text").asText()).isEqualTo("听得见吗");
                teacher.send("grant-floor", inRoom + ",\"classroom\":\"" + RURAL + "\"");
                assertThat(assistant.change("floor").path("classroom").asText()).isEqualTo(RURAL);
                assertThat(teacher.change("floor").path("classroom").asText()).isEqualTo(RURAL);
                assistant.send("chat", inRoom + ",\"text\":\"收到\"");
                assertThat(assistant.change("chat").path("entry").path("text").asText())
                        .as("the grant applied once, by node B").isEqualTo("收到");
                assertThat(teacher.change("chat").path("entry").path("text").asText()).isEqualTo("收到");
                assertThat(get(portA, "/health")).contains("\"rooms\":0");
                assertThat(get(portB, "/health")).contains("\"rooms\":1");
            }
        }
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
            cluster.process(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
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

                cluster.process(0).destroy();
                assertThat(cluster.process(0).waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(assistant.closeCode()).isEqualTo(1001);
                assertThat(assistant.closeReason()).isEqualTo("node stopping");
                JsonNode away = moved.change("away");
                assertThat(away.path("participant").path("session").asText()).isEqualTo(assistant.session());
                assertThat(away.path("reason").asText()).as("the assistant may resume on node B").isEqualTo("node-stopping");
                moved.send("revoke-floor", inRoom);
                assertThat(moved.change("floor").path("classroom").isNull())
                        .as("node A stopped: node B runs the room").isTrue();
            }
        }
    }

    @Test
    void aNodeStoppedWithSigtermLeavesItsSessionsToResumeOnAnotherNodeWithTheRoomAsItWas() throws Exception {
        int portA = node("a");
        int portB = node("b");
        String teacherToken = token(Role.LEAD_TEACHER, "lesson:" + room);
        WsClient teacher = WsClient.welcomed(portA, teacherToken);
        teacher.send("open-room", open);
        teacher.next("snapshot");
        try (WsClient assistant = WsClient.welcomed(portB, token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL))) {
            assistant.send("join", inRoom);
            assistant.next("snapshot");
            teacher.change("joined");
            teacher.send("grant-floor", inRoom + ",\"classroom\":\"" + RURAL + "\"");
            assertThat(assistant.change("floor").path("classroom").asText()).isEqualTo(RURAL);
            assistant.send("raise-hand", inRoom);
            assertThat(assistant.change("hands").path("queue").toString()).isEqualTo("[\"" + RURAL + "\"]");
            teacher.change("floor");
            teacher.change("hands");

            cluster.process(0).destroy();
            assertThat(teacher.closeCode()).isEqualTo(1001);
            assertThat(teacher.closeReason()).isEqualTo("node stopping");
            assertThat(cluster.process(0).waitFor(10, TimeUnit.SECONDS)).isTrue();
            JsonNode away = assistant.change("away");
            assertThat(away.path("participant").path("session").asText()).isEqualTo(teacher.session());
            assertThat(away.path("reason").asText()).isEqualTo("node-stopping");

            // A load balancer sends the reconnect to a live node: here, B.
            try (WsClient resumed = WsClient.resumed(portB, teacherToken, teacher.session(), teacher.lastSeq())) {
                assertThat(resumed.welcome().path("session").asText()).isEqualTo(teacher.session());
                assertThat(resumed.welcome().path("resumed").asBoolean()).isTrue();
                assertThat(resumed.welcome().path("replay").asText()).isEqualTo("snapshot");
                assertThat(resumed.welcome().path("seq").asLong()).isEqualTo(teacher.lastSeq() + 1);
                JsonNode state = resumed.next("snapshot").path("state");
                assertThat(state.path("floor").asText()).isEqualTo(RURAL);
                assertThat(state.path("hands").toString()).isEqualTo("[\"" + RURAL + "\"]");
                assertThat(state.path("participants")).hasSize(2);
                assertThat(assistant.change("back").path("participant").path("session").asText())
                        .as("away, then back: never left").isEqualTo(teacher.session());

                resumed.send("revoke-floor", inRoom);
                assertThat(assistant.change("floor").path("classroom").isNull()).isTrue();
                assertThat(resumed.change("floor").path("classroom").isNull()).isTrue();
                assertThat(health(portB)).contains("\"rooms\":1");
            }
        }
    }
}
