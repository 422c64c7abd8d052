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
    void redisIsRefusedAsNotSupportedYet() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "platform-it-secret-that-is-long-enough-for-hs256\n");

        PlatformJar.Result run = PlatformJar.run("signaling", "serve", "--port", "0", "--secret-file", secret.toString(),
                "--redis", "redis://127.0.0.1:6379");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not supported yet");
    }
}
