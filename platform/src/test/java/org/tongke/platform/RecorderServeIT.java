package org.tongke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenIssuer;

/** {@code recorder serve} as an operator runs it: an agent's token from the same secret uploads a segment; SIGTERM stops it. */
class RecorderServeIT {
    @TempDir
    Path dir;

    @Test
    void storesASegmentAnAgentUploadsWithATokenFromTheSameSecretAndStopsOnSigterm() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "platform-it-secret-that-is-long-enough-for-hs256\n");
        Path library = dir.resolve("library");
        try (PlatformJar.Running serve = PlatformJar.start("recorder", "serve", "--port", "0", "--library", library.toString(),
                "--secret-file", secret.toString())) {
            int port = Integer.parseInt(serve.awaitLine("Recorder listening on http://127.0.0.1:(\\d+)", 60).group(1));
            String token = new TokenIssuer(Secrets.read(secret), Clock.systemUTC()).issue(Role.CLASSROOM_AGENT,
                    Scope.parse("classroom:wuzhong/lubo"), "agent-wuzhong-lubo", Duration.ofMinutes(5));
            byte[] segment = "not really video, but ingest only checks the bytes".getBytes(StandardCharsets.UTF_8);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(segment));
            String metadata = "lesson " + b64("qt-01-sync#1@2021-11-24") + ",classroom " + b64("wuzhong/lubo") + ",source "
                    + b64("teacher") + ",segment " + b64("0") + ",filename " + b64("0.mp4") + ",sha256 " + b64(sha256);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/uploads/"))
                    .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                    .header("Upload-Length", Integer.toString(segment.length)).header("Upload-Metadata", metadata)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> patched = http.send(HttpRequest.newBuilder(URI.create(base + created.headers().firstValue("Location").orElseThrow()))
                    .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(segment)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
            String confirmed = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/ingest/segments?lesson=qt-01-sync%231%402021-11-24&classroom=wuzhong/lubo"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(confirmed).contains("\"sha256\" : \"" + sha256 + "\"", "\"state\" : \"stored\"");
            String health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(health).contains("\"status\" : \"UP\"", "\"queue\" : \"in-process\"");

            int exit = serve.stop(30);
            assertThat(exit).as(serve.err()).isIn(0, 143);
            assertThat(serve.err()).contains("Recorder stopping").contains("Recorder stopped").doesNotContain("Exception");
        }
        assertThat(library.resolve("ingest/segments/qt-01-sync%231%402021-11-24/wuzhong/lubo/teacher/00000.mp4")).exists();
    }

    @Test
    void aMissingSecretFileIsBadInputNamingIt() throws Exception {
        PlatformJar.Result run = PlatformJar.run("recorder", "serve", "--port", "0", "--library", dir.resolve("lib").toString(),
                "--secret-file", dir.resolve("no-such-secret").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("secret file").contains("no-such-secret").contains("does not exist");
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
