package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.ice.IceConfig;

/** A real server on a loopback port and real WebSocket clients, used as teachers and rural rooms would. */
class SignalingServerIT {
    static final byte[] SECRET = "an-integration-test-secret-of-more-than-32-bytes".getBytes(StandardCharsets.UTF_8);
    static final String ROOM = "qt-01-sync#1";
    static final String RURAL = "wuzhong/lubo";
    static final String OTHER_RURAL = "shankou/lubo";
    static final String OPEN = "\"room\":\"" + ROOM + "\",\"title\":\"分数的意义\",\"classrooms\":[\"" + RURAL + "\",\""
            + OTHER_RURAL + "\"]";
    static final String IN_ROOM = "\"room\":\"" + ROOM + "\"";
    static final byte[] TURN_SECRET = "the-coturn-static-auth-secret-for-this-test".getBytes(StandardCharsets.UTF_8);
    static final IceConfig ICE = new IceConfig(List.of("stun:stun.example.org:3478"),
            List.of("turn:turn.example.org:3478?transport=udp"), TURN_SECRET, Duration.ofHours(12));

    private final TokenIssuer issuer = new TokenIssuer(SECRET, Clock.systemUTC());
    private SignalingServer server;

    @BeforeEach
    void start() throws Exception {
        server = startServer(ServerOptions.defaults().withPort(0).withIce(ICE));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static SignalingServer startServer(ServerOptions options) throws InterruptedException {
        return SignalingServer.start(options, new TokenVerifier(SECRET, Clock.systemUTC()), Clock.systemUTC());
    }

    String token(Role role, String scope) {
        return issuer.issue(role, Scope.parse(scope), null, Duration.ofHours(1));
    }

    /** The lead teacher opens the room, the rural assistant joins; both have read what joining sent. */
    WsClient[] lessonWithTeacherAndAssistant() throws Exception {
        WsClient teacher = WsClient.welcomed(server.port(), token(Role.LEAD_TEACHER, "lesson:" + ROOM));
        teacher.send("open-room", OPEN);
        assertThat(teacher.next("snapshot").path("state").path("lesson").asText()).isEqualTo("waiting");
        WsClient assistant = WsClient.welcomed(server.port(), token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL));
        assistant.send("join", IN_ROOM);
        var state = assistant.next("snapshot").path("state");
        assertThat(state.path("participants")).hasSize(2);
        assertThat(state.path("media").asText()).isEqualTo("p2p");
        assertThat(teacher.change("joined").path("participant").path("classroom").asText()).isEqualTo(RURAL);
        return new WsClient[] {teacher, assistant};
    }

    @Test
    void ruralRoomRaisesAHandAndTheLeadTeacherGrantsItTheFloor() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1]) {
            assistant.send("raise-hand", IN_ROOM);
            assertThat(teacher.change("hands").path("queue").toString()).isEqualTo("[\"" + RURAL + "\"]");
            assertThat(assistant.change("hands").path("queue")).hasSize(1);

            teacher.send("grant-floor", IN_ROOM + ",\"classroom\":\"" + RURAL + "\"");
            for (WsClient both : c) {
                assertThat(both.change("floor").path("classroom").asText()).isEqualTo(RURAL);
                assertThat(both.change("hands").path("queue")).isEmpty();
            }
        }
    }

    /** A signal message addressed to {@code to}. */
    static String signal(String to, String kind, String payload) {
        return IN_ROOM + ",\"to\":\"" + to + "\",\"kind\":\"" + kind + "\",\"payload\":" + payload;
    }

    @Test
    void offerAnswerAndCandidateReachOnlyTheirAddresseeWithTheSendersSession() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1];
             WsClient stranger = WsClient.welcomed(server.port(), token(Role.STAFF, "county:qingtian"))) {
            stranger.send("open-room", "\"room\":\"other-lesson#1\",\"title\":\"t\",\"classrooms\":[]");
            stranger.next("snapshot");
            String offer = "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\no=- 46117 2 IN IP4 127.0.0.1\\r\\n\"}";
            String answer = "{\"type\":\"answer\",\"sdp\":\"v=0\\r\\n\"}";
            String candidate = "{\"candidate\":\"candidate:1 1 udp 2122260223 192.168.1.5 54321 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}";

            teacher.send("signal", signal(assistant.session(), "offer", offer));
            var got = assistant.next("signal");
            assertThat(got.path("from").asText()).isEqualTo(teacher.session());
            assertThat(got.path("room").asText()).isEqualTo(ROOM);
            assertThat(got.path("kind").asText()).isEqualTo("offer");
            assertThat(got.path("payload").toString()).isEqualTo(offer);

            assistant.send("signal", signal(teacher.session(), "answer", answer));
            assistant.send("signal", signal(teacher.session(), "candidate", candidate));
            var gotAnswer = teacher.next("signal");
            assertThat(gotAnswer.path("from").asText()).isEqualTo(assistant.session());
            assertThat(gotAnswer.path("kind").asText()).isEqualTo("answer");
            assertThat(gotAnswer.path("payload").toString()).isEqualTo(answer);
            var gotCandidate = teacher.next("signal");
            assertThat(gotCandidate.path("kind").asText()).isEqualTo("candidate");
            assertThat(gotCandidate.path("payload").path("sdpMLineIndex").asInt(-1)).isZero();

            teacher.expectSilence(200);
            assistant.expectSilence(50);
            stranger.expectSilence(50);
        }
    }

    @Test
    void signalToSomeoneNotInTheRoomIsRefusedToTheSenderAlone() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1];
             WsClient stranger = WsClient.welcomed(server.port(), token(Role.STAFF, "county:qingtian"))) {
            stranger.send("open-room", "\"room\":\"other-lesson#1\",\"title\":\"t\",\"classrooms\":[]");
            stranger.next("snapshot");

            assistant.send("signal", signal(stranger.session(), "offer", "{\"type\":\"offer\",\"sdp\":\"v=0\"}"));
            assertThat(assistant.error()).isEqualTo("NO_SUCH_PARTICIPANT");
            stranger.send("signal", signal(teacher.session(), "answer", "{}"));
            assertThat(stranger.error()).isEqualTo("NOT_IN_ROOM");
            assistant.send("signal", signal(teacher.session(), "offer", "\"v=0\""));
            assertThat(assistant.error()).isEqualTo("BAD_MESSAGE");

            teacher.expectSilence(200);
            stranger.expectSilence(50);
            assistant.assertAlive();
        }
    }

    @Test
    void welcomeCarriesStunAndATurnCredentialThatVerifies() throws Exception {
        long before = Instant.now().getEpochSecond();
        try (WsClient assistant = WsClient.welcomed(server.port(), token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL))) {
            var ice = assistant.welcome().path("iceServers");
            assertThat(ice).hasSize(2);
            assertThat(ice.get(0).path("urls").get(0).asText()).isEqualTo("stun:stun.example.org:3478");
            assertThat(ice.get(0).has("username")).isFalse();
            var turn = ice.get(1);
            assertThat(turn.path("urls").get(0).asText()).isEqualTo("turn:turn.example.org:3478?transport=udp");
            String username = turn.path("username").asText();
            long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
            assertThat(expiry - before).isBetween(12 * 3600L - 5, 12 * 3600L + 5);
            assertThat(username.substring(username.indexOf(':') + 1)).isEqualTo("classroom:" + RURAL);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TURN_SECRET, "HmacSHA1"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
            assertThat(turn.path("credential").asText()).isEqualTo(expected);
        }
    }

    @Test
    void withoutABridgeConfiguredAThirdClassroomKeepsTheRoomPeerToPeer() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1];
             WsClient agent = WsClient.welcomed(server.port(), token(Role.CLASSROOM_AGENT, "classroom:" + OTHER_RURAL))) {
            agent.send("join", IN_ROOM);
            assertThat(agent.next("snapshot").path("state").path("media").asText()).isEqualTo("p2p");
            for (WsClient before : c) {
                before.change("joined");
            }
        }
    }

    @Test
    void assistantCannotGrantTheFloorAndNothingChanges() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1]) {
            assistant.send("grant-floor", IN_ROOM + ",\"classroom\":\"" + RURAL + "\"");

            assertThat(assistant.error()).isEqualTo("FORBIDDEN");
            teacher.assertAlive();
            teacher.send("join", IN_ROOM);
            assertThat(teacher.next("snapshot").path("state").path("floor").isNull()).isTrue();
        }
    }

    @Test
    void expiredTokenIsRefusedWithItsCodeAndClose4001() throws Exception {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = new TokenIssuer(SECRET, twoHoursAgo).issue(Role.ASSISTANT_TEACHER, Scope.parse("classroom:" + RURAL),
                null, Duration.ofHours(1));
        try (WsClient client = WsClient.connect(server.port())) {
            client.send("hello", "\"token\":\"" + expired + "\"");
            assertThat(client.error()).isEqualTo("TOKEN_EXPIRED");
            assertThat(client.closeCode()).isEqualTo(4001);
            assertThat(client.closeReason()).isEqualTo("TOKEN_EXPIRED");
        }
    }

    @Test
    void forgedTokenIsRefusedAsBadSignature() throws Exception {
        String forged = new TokenIssuer("another-secret-that-is-long-enough-32b".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC()).issue(Role.LEAD_TEACHER, Scope.parse("lesson:" + ROOM), null, Duration.ofHours(1));
        try (WsClient client = WsClient.connect(server.port())) {
            client.send("hello", "\"token\":\"" + forged + "\"");
            assertThat(client.error()).isEqualTo("TOKEN_BAD_SIGNATURE");
            assertThat(client.closeCode()).isEqualTo(4001);
        }
    }

    @Test
    void wrongProtocolVersionIsRefusedWithClose1002() throws Exception {
        try (WsClient client = WsClient.connect(server.port())) {
            client.send("{\"v\":2,\"type\":\"hello\",\"token\":\"x\"}");
            assertThat(client.error()).isEqualTo("UNSUPPORTED_VERSION");
            assertThat(client.closeCode()).isEqualTo(1002);
        }
    }

    @Test
    void badMessagesAreAnsweredToTheSenderAloneWhoStaysConnected() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1];
             WsClient staff = WsClient.welcomed(server.port(), token(Role.STAFF, "county:qingtian"))) {
            staff.send("open-room", "\"room\":\"other-lesson\",\"title\":\"t\",\"classrooms\":[]");
            staff.next("snapshot");

            assistant.send("{not json");
            assertThat(assistant.error()).isEqualTo("BAD_JSON");
            assistant.send("dance", IN_ROOM);
            assertThat(assistant.error()).isEqualTo("UNKNOWN_TYPE");
            assistant.send("chat", "\"room\":\"other-lesson\",\"text\":\"hi\"");
            assertThat(assistant.error()).isEqualTo("NOT_IN_ROOM");
            assistant.send("join", "\"room\":\"nowhere\"");
            assertThat(assistant.error()).isEqualTo("NO_SUCH_ROOM");
            assistant.send("chat", IN_ROOM);
            assertThat(assistant.error()).isEqualTo("BAD_MESSAGE");
            assistant.assertAlive();

            teacher.expectSilence(200);
            teacher.send("chat", IN_ROOM + ",\"text\":\"同学们好\"");
            assertThat(assistant.change("chat").path("entry").path("text").asText()).isEqualTo("同学们好");
            assertThat(teacher.change("chat").path("entry").path("text").asText()).isEqualTo("同学们好");
        }
    }

    @Test
    void oversizedFrameClosesTheSenderWith1009Only() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1]) {
            assistant.send("chat", IN_ROOM + ",\"text\":\"" + "x".repeat(70_000) + "\"");

            assertThat(assistant.closeCode()).isEqualTo(1009);
            assertThat(teacher.change("left").path("reason").asText()).isEqualTo("protocol-error");
            teacher.assertAlive();
        }
    }

    @Test
    void floodIsRateLimitedThenClosedWith1008WhileTheRoomGoesOn() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1]) {
            for (int i = 0; i < 400; i++) {
                try {
                    assistant.send("ping", "\"t\":" + i);
                } catch (RuntimeException closed) {
                    break;
                }
            }
            String codes = "";
            for (int i = 0; i < 200; i++) {
                String type = assistant.next().path("type").asText();
                if (type.equals("error")) {
                    codes = "RATE_LIMITED";
                    break;
                }
            }
            assertThat(codes).isEqualTo("RATE_LIMITED");
            assertThat(assistant.closeCode()).isEqualTo(1008);
            assertThat(teacher.change("left").path("reason").asText()).isEqualTo("rate-limit");
            teacher.assertAlive();
        }
    }

    @Test
    void silentClientIsDroppedAfterTwoHeartbeatsAndTheRoomIsTold() throws Exception {
        server.close();
        server = startServer(ServerOptions.defaults().withPort(0).withHeartbeat(Duration.ofMillis(400)));
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1]) {
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            String reason = null;
            while (reason == null && System.nanoTime() < deadline) {
                teacher.send("ping", "\"t\":1");
                var m = teacher.next();
                if (m.path("type").asText().equals("delta")) {
                    reason = m.path("change").path("reason").asText();
                }
                Thread.sleep(150);
            }
            assertThat(reason).isEqualTo("heartbeat-timeout");
            assertThat(assistant.closeCode()).isEqualTo(4002);
        }
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1]) {
            assistant.send("{bad");
            assistant.error();
            HttpClient http = HttpClient.newHttpClient();
            String health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();

            assertThat(health).isEqualTo("{\"status\":\"ok\",\"connections\":2,\"rooms\":1}");
            assertThat(metrics).contains("tongke_signaling_connections{role=\"lead-teacher\"} 1")
                    .contains("tongke_signaling_connections{role=\"assistant-teacher\"} 1")
                    .contains("tongke_signaling_rooms 1")
                    .contains("tongke_signaling_errors_total{code=\"BAD_JSON\"} 1")
                    .containsPattern("tongke_signaling_messages_in_total [1-9]")
                    .containsPattern("tongke_signaling_relay_latency_seconds_count [1-9]")
                    .containsPattern("tongke_signaling_relay_latency_seconds_bucket\\{le=\"\\+Inf\"} [1-9]");
        }
    }

    @Test
    void stoppingTheServerClosesClientsWith1001() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]; WsClient assistant = c[1]) {
            server.close();
            assertThat(teacher.closeCode()).isEqualTo(1001);
            assertThat(teacher.closeReason()).isEqualTo("server stopping");
            assertThat(assistant.closeCode()).isEqualTo(1001);
        }
        server = startServer(ServerOptions.defaults().withPort(0));
    }

    @Test
    void droppedAssistantResumesAndGetsExactlyTheChatItMissedWithItsSeq() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]) {
            WsClient assistant = c[1];
            long seen = assistant.lastSeq();
            assistant.close();
            assertThat(teacher.change("away").path("reason").asText()).isEqualTo("connection-lost");
            teacher.send("chat", IN_ROOM + ",\"text\":\"one\"");
            teacher.send("chat", IN_ROOM + ",\"text\":\"two\"");
            teacher.change("chat");
            teacher.change("chat");

            try (WsClient back = WsClient.resumed(server.port(), token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL),
                    assistant.session(), seen)) {
                assertThat(back.welcome().path("resumed").asBoolean()).isTrue();
                assertThat(back.welcome().path("session").asText()).isEqualTo(assistant.session());
                var one = back.next("delta");
                var two = back.next("delta");
                assertThat(one.path("change").path("entry").path("text").asText()).isEqualTo("one");
                assertThat(two.path("change").path("entry").path("text").asText()).isEqualTo("two");
                assertThat(one.path("seq").asLong()).isEqualTo(seen + 1);
                assertThat(two.path("seq").asLong()).isEqualTo(seen + 2);
                back.expectSilence(200);
                assertThat(teacher.change("back").path("participant").path("session").asText())
                        .isEqualTo(assistant.session());
                back.assertAlive();
            }
        }
    }

    @Test
    void resumeAfterTheGracePeriodGetsAFreshSessionAndTheRoomSawLeft() throws Exception {
        server.close();
        server = startServer(ServerOptions.defaults().withPort(0).withResumeGrace(Duration.ofMillis(300)));
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]) {
            WsClient assistant = c[1];
            assistant.close();
            teacher.change("away");
            assertThat(teacher.change("left").path("reason").asText()).isEqualTo("connection-lost");
            try (WsClient fresh = WsClient.resumed(server.port(), token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL),
                    assistant.session(), assistant.lastSeq())) {
                assertThat(fresh.welcome().path("resumed").asBoolean()).isFalse();
                assertThat(fresh.session()).isNotEqualTo(assistant.session());
            }
        }
    }

    @Test
    void resumeWithAnotherSubjectsTokenIsRefused() throws Exception {
        WsClient[] c = lessonWithTeacherAndAssistant();
        try (WsClient teacher = c[0]) {
            WsClient assistant = c[1];
            assistant.close();
            teacher.change("away");
            try (WsClient other = WsClient.connect(server.port())) {
                other.send("{\"v\":1,\"type\":\"hello\",\"token\":\"" + token(Role.ASSISTANT_TEACHER,
                        "classroom:wuzhong/other") + "\",\"resume\":{\"session\":\"" + assistant.session()
                        + "\",\"lastSeq\":1}}");
                assertThat(other.error()).isEqualTo("RESUME_REFUSED");
                teacher.expectSilence(200);
            }
        }
    }
}
