package org.tongke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.testing.LocalRedis;
import org.tongke.config.testing.TinyCounty;

/** {@code signaling serve} as an operator runs it: a token from the same secret is welcomed; SIGTERM stops it. */
class SignalingServeIT {
    @TempDir
    Path dir;

    @Test
    void welcomesATokenFromTheSameSecretAnswersHealthAndStopsOnSigterm() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "platform-it-secret-that-is-long-enough-for-hs256\n");
        Path turnSecret = dir.resolve("turn-secret");
        Files.writeString(turnSecret, "coturn-static-auth-secret-for-the-platform-it\n");
        try (PlatformJar.Running serve = PlatformJar.start("signaling", "serve", "--port", "0",
                "--secret-file", secret.toString(), "--stun", "stun:stun.example.org:3478",
                "--turn", "turn:turn.example.org:3478?transport=udp", "--turn-secret-file", turnSecret.toString(),
                "--turn-ttl", "2h")) {
            int port = Integer.parseInt(serve.awaitLine("listening on ws://127.0.0.1:(\\d+)/ws", 60).group(1));
            String token = new TokenIssuer(Secrets.read(secret), Clock.systemUTC())
                    .issue(Role.LEAD_TEACHER, Scope.parse("lesson:qt-01#1"), "he-yonghui", Duration.ofMinutes(5));

            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            received.add(data.toString());
                            w.request(1);
                            return null;
                        }
                    }).join();
            ws.sendText("{\"v\":1,\"type\":\"hello\",\"token\":\"" + token + "\"}", true).join();
            String welcome = received.poll(10, TimeUnit.SECONDS);

            assertThat(welcome).contains("\"type\":\"welcome\"").contains("\"role\":\"lead-teacher\"")
                    .contains("\"subject\":\"he-yonghui\"").contains("\"seq\":1")
                    .contains("\"urls\":[\"stun:stun.example.org:3478\"]")
                    .containsPattern("\"username\":\"\\d+:he-yonghui\",\"credential\":\"[A-Za-z0-9+/]{27}=\"");
            String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(health).isEqualTo("{\"status\":\"ok\",\"connections\":1,\"rooms\":0}");

            int exit = serve.stop(30);
            assertThat(exit).as(serve.err()).isIn(0, 143);
            assertThat(serve.err()).contains("Signaling server stopping").contains("Signaling server stopped")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void withRedisItServesAsANamedNodeAndSaysRedisAnswers() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "platform-it-secret-that-is-long-enough-for-hs256\n");
        try (LocalRedis redis = LocalRedis.start();
                PlatformJar.Running serve = PlatformJar.start("signaling", "serve", "--port", "0",
                        "--secret-file", secret.toString(), "--redis", redis.uri(), "--node-id", "sig-a",
                        "--room-lease", "3s")) {
            int port = Integer.parseInt(serve.awaitLine("listening on ws://127.0.0.1:(\\d+)/ws", 60).group(1));

            String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();

            assertThat(health).isEqualTo("{\"status\":\"ok\",\"connections\":0,\"rooms\":0,\"node\":\"sig-a\",\"redis\":true}");
            assertThat(serve.stop(30)).as(serve.err()).isIn(0, 143);
            assertThat(serve.err()).contains("Signaling server stopped").doesNotContain("Exception");
        }
    }

    /** One lesson of the tiny county tomorrow, chengxi hosting and zhenbu receiving, as a plan file. */
    static String planFile() {
        String date = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        String room = "{\"school\":\"%s\",\"schoolName\":\"%s\",\"classroom\":\"lubo\",\"className\":\"四年级(1)班\"}";
        return "{\"format\":\"tongke-plan\",\"version\":1,\"plan\":{\"county\":\"tiny\",\"occurrences\":[{\"id\":"
                + "\"c1-math#1@" + date + "\",\"date\":\"" + date + "\",\"start\":\"13:30\",\"end\":\"14:10\","
                + "\"subject\":\"数学\",\"host\":" + String.format(room, "chengxi", "城西小学") + ",\"receivers\":["
                + String.format(room, "zhenbu", "祯埠镇小") + "]}]}}";
    }

    @Test
    void withTheCountyAndAPlanFileAnAgentIsWelcomedWithItsScheduleAndStaffSeeTheClassrooms() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "platform-it-secret-that-is-long-enough-for-hs256\n");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, planFile());
        TinyCounty county = TinyCounty.copyTo(dir.resolve("county"));
        try (PlatformJar.Running serve = PlatformJar.start("signaling", "serve", "--port", "0",
                "--secret-file", secret.toString(), "--config", county.dir().toString(), "--plan-file", plan.toString(),
                "--resume-grace", "10s", "--lesson-lead", "5m")) {
            int port = Integer.parseInt(serve.awaitLine("listening on ws://127.0.0.1:(\\d+)/ws", 60).group(1));
            TokenIssuer issuer = new TokenIssuer(Secrets.read(secret), Clock.systemUTC());
            String agent = issuer.issue(Role.CLASSROOM_AGENT, Scope.parse("classroom:zhenbu/lubo"), "zhenbu-rec1",
                    Duration.ofMinutes(5));

            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            received.add(data.toString());
                            w.request(1);
                            return null;
                        }
                    }).join();
            ws.sendText("{\"v\":1,\"type\":\"hello\",\"token\":\"" + agent + "\"}", true).join();
            assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"welcome\"");
            assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"schedule\"")
                    .contains("\"classroom\":\"zhenbu/lubo\"").contains("\"role\":\"receiving\"")
                    .contains("\"school\":\"祯埠镇小\"").contains("T13:30:00+08:00");

            String staff = issuer.issue(Role.STAFF, Scope.parse("county:tiny"), null, Duration.ofMinutes(5));
            HttpResponse<String> classrooms = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/classrooms")).header("Authorization", "Bearer " + staff)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(classrooms.statusCode()).isEqualTo(200);
            assertThat(classrooms.body()).contains("\"classroom\":\"chengxi/lubo\"").contains("\"schoolName\":\"城西小学\"")
                    .contains("\"classroom\":\"zhenbu/lubo\",\"school\":\"zhenbu\",\"schoolName\":\"祯埠镇小\","
                            + "\"name\":\"录播教室\",\"state\":\"online\"");
            String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(health).as("staff see which plan the node serves")
                    .contains("\"plan\":{\"source\":", "\"loads\":1,\"failures\":0}");
            assertThat(serve.stop(30)).isIn(0, 143);
        }
    }

    @Test
    void aPlanOfAnotherCountyOrABadDurationIsRefusedNamingTheFlag() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "platform-it-secret-that-is-long-enough-for-hs256\n");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, planFile().replace("\"county\":\"tiny\"", "\"county\":\"qingtian\""));
        TinyCounty county = TinyCounty.copyTo(dir.resolve("county"));

        PlatformJar.Result other = PlatformJar.run("signaling", "serve", "--port", "0", "--secret-file", secret.toString(),
                "--config", county.dir().toString(), "--plan-file", plan.toString());
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("the plan is for county qingtian").contains("--config");

        PlatformJar.Result grace = PlatformJar.run("signaling", "serve", "--port", "0", "--secret-file", secret.toString(),
                "--resume-grace", "soon");
        assertThat(grace.exitCode()).isEqualTo(2);
        assertThat(grace.err()).contains("--resume-grace 'soon' is not a duration");
    }

    @Test
    void aRedisThatDoesNotAnswerIsNamedAndTheClusterFlagsAreChecked() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "platform-it-secret-that-is-long-enough-for-hs256\n");
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        PlatformJar.Result run = PlatformJar.run("signaling", "serve", "--port", "0", "--secret-file", secret.toString(),
                "--redis", "redis://127.0.0.1:" + closed, "--node-id", "node-1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unable to use Redis at redis://127.0.0.1:" + closed + " (--redis)");

        PlatformJar.Result badId = PlatformJar.run("signaling", "serve", "--port", "0", "--secret-file",
                secret.toString(), "--redis", "redis://127.0.0.1:" + closed, "--node-id", "node one");
        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(badId.err()).contains("--node-id node one must be");

        PlatformJar.Result alone = PlatformJar.run("signaling", "serve", "--port", "0", "--secret-file",
                secret.toString(), "--room-lease", "5s");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("go with --redis");
    }
}
