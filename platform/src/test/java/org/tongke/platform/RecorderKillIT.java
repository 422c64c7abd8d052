package org.tongke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenIssuer;

/** A recorder killed with SIGKILL in the middle of an archive job: nothing half-written is published, the next start does the job. */
class RecorderKillIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LESSON = "qt-01-sync#1@2021-11-24";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRecorderKilledMidJobPublishesNothingHalfWrittenAndDoesTheJobOnItsNextStart() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "platform-it-secret-that-is-long-enough-for-hs256\n");
        Path library = dir.resolve("library");
        TokenIssuer issuer = new TokenIssuer(Secrets.read(secret), Clock.systemUTC());
        String agent = issuer.issue(Role.CLASSROOM_AGENT, Scope.parse("classroom:wuzhong/lubo"), "agent", Duration.ofMinutes(10));
        String staff = issuer.issue(Role.STAFF, Scope.parse("county:qingtian"), "staff", Duration.ofMinutes(10));
        byte[] clip = Files.readAllBytes(clip(dir.resolve("0.mp4")));
        Path archive = library.resolve("archives/qt-01-sync%231%402021-11-24/wuzhong/lubo");

        String[] serve = {"recorder", "serve", "--port", "0", "--library", library.toString(), "--secret-file", secret.toString()};
        try (PlatformJar.Running first = PlatformJar.start(serve)) {
            String base = base(first);
            upload(base, agent, clip);
            send(base, agent, HttpRequest.newBuilder(URI.create(base + "/api/ingest/lessons/qt-01-sync%231%402021-11-24/classrooms/wuzhong/lubo/manifest"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"sources\":[{\"name\":\"teacher\",\"segments\":1}],"
                            + "\"startedAt\":\"2021-11-24T13:29:30+08:00\",\"endedAt\":\"2021-11-24T14:10:30+08:00\"}")), 202);
            awaitJob(base, staff, j -> j.path("state").asText().equals("running") && j.path("progress").asInt() >= 5);
            first.kill(30);
        }
        assertThat(archive).doesNotExist();

        try (PlatformJar.Running second = PlatformJar.start(serve)) {
            JsonNode job = awaitJob(base(second), staff, j -> j.path("state").asText().equals("done"));
            assertThat(job.path("attempts").asInt()).isEqualTo(2);
            second.stop(30);
        }
        assertThat(Files.readString(archive.resolve("teacher/720p/index.m3u8"))).contains("#EXT-X-ENDLIST");
        JsonNode manifest = JSON.readTree(archive.resolve("manifest.json").toFile());
        for (JsonNode file : manifest.path("files")) {
            assertThat(Files.size(archive.resolve(file.path("path").asText()))).isEqualTo(file.path("bytes").asLong());
        }
        try (var staged = Files.list(library.resolve("archives/.staging"))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void anOffsetConfirmedJustBeforeASigkillIsTheOffsetAfterTheRestart() throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "platform-it-secret-that-is-long-enough-for-hs256\n");
        String agent = new TokenIssuer(Secrets.read(secret), Clock.systemUTC())
                .issue(Role.CLASSROOM_AGENT, Scope.parse("classroom:wuzhong/lubo"), "agent", Duration.ofMinutes(10));
        byte[] segment = new byte[200_000];
        new java.util.Random(3).nextBytes(segment);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(segment));
        String metadata = "lesson " + b64(LESSON) + ",classroom " + b64("wuzhong/lubo") + ",source " + b64("teacher")
                + ",segment " + b64("3") + ",filename " + b64("3.mp4") + ",sha256 " + b64(sha256);
        String[] serve = {"recorder", "serve", "--port", "0", "--library", dir.resolve("library").toString(),
            "--secret-file", secret.toString()};
        String location;
        try (PlatformJar.Running first = PlatformJar.start(serve)) {
            String base = base(first);
            location = send(base, agent, HttpRequest.newBuilder(URI.create(base + "/api/uploads/"))
                    .header("Upload-Length", "200000").header("Upload-Metadata", metadata)
                    .POST(HttpRequest.BodyPublishers.noBody()), 201).headers().firstValue("Location").orElseThrow();
            send(base, agent, HttpRequest.newBuilder(URI.create(base + location)).header("Upload-Offset", "0")
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(java.util.Arrays.copyOf(segment, 120_000))), 204);
            first.kill(30);
        }
        try (PlatformJar.Running second = PlatformJar.start(serve)) {
            String base = base(second);
            HttpResponse<String> head = send(base, agent, HttpRequest.newBuilder(URI.create(base + location))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()), 200);
            assertThat(head.headers().firstValue("Upload-Offset")).contains("120000");
            send(base, agent, HttpRequest.newBuilder(URI.create(base + location)).header("Upload-Offset", "120000")
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(java.util.Arrays.copyOfRange(segment, 120_000, 200_000))), 204);
            second.stop(30);
        }
    }

    private static String base(PlatformJar.Running serve) throws InterruptedException {
        return "http://127.0.0.1:" + serve.awaitLine("Recorder listening on http://127.0.0.1:(\\d+)", 60).group(1);
    }

    private void upload(String base, String token, byte[] clip) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(clip));
        String metadata = "lesson " + b64(LESSON) + ",classroom " + b64("wuzhong/lubo") + ",source " + b64("teacher")
                + ",segment " + b64("0") + ",filename " + b64("0.mp4") + ",sha256 " + b64(sha256);
        HttpResponse<String> created = send(base, token, HttpRequest.newBuilder(URI.create(base + "/api/uploads/"))
                .header("Upload-Length", Integer.toString(clip.length)).header("Upload-Metadata", metadata)
                .POST(HttpRequest.BodyPublishers.noBody()), 201);
        send(base, token, HttpRequest.newBuilder(URI.create(base + created.headers().firstValue("Location").orElseThrow()))
                .header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(clip)), 204);
    }

    private JsonNode awaitJob(String base, String staff, Predicate<JsonNode> condition) throws Exception {
        JsonNode last = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> jobs = send(base, staff, HttpRequest.newBuilder(URI.create(base + "/api/admin/jobs")).GET(), 200);
            for (JsonNode job : JSON.readTree(jobs.body()).path("jobs")) {
                last = job;
                if (condition.test(job)) {
                    return job;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the job never got there; last seen " + last);
    }

    private HttpResponse<String> send(String base, String token, HttpRequest.Builder request, int status) throws Exception {
        HttpResponse<String> answer = http.send(request.header("Authorization", "Bearer " + token)
                .header("Tus-Resumable", "1.0.0").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return answer;
    }

    /** Ten seconds of 720p H.264/AAC, long enough to be killed in the middle of its transcode. */
    private static Path clip(Path file) throws Exception {
        String probe = System.getenv("TONGKE_TEST_FFPROBE");
        String ffmpeg = probe != null && !probe.isBlank() ? Path.of(probe).resolveSibling("ffmpeg").toString() : "ffmpeg";
        Process p;
        try {
            p = new ProcessBuilder(List.of(ffmpeg, "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=10",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=10", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-t", "10", file.toString())).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("ffmpeg is not installed: run the tests through bin/test, or apt-get install ffmpeg", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return file;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
