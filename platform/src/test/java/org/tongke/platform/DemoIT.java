package org.tongke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.testing.HeadlessChromium;

/**
 * The main job as a newcomer runs it: {@code demo} from the platform jar, with lessons shortened
 * to seconds. The timetable is published, the agents get it and record, segments upload, the
 * archive is built (ffprobe reads every rendition), the library finds each lesson with its school,
 * subject and teacher, the report counts them delivered, and the portal shows it all (its
 * screenshot goes to docs/portal.png for the README).
 */
class DemoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void lessonsOfTheDemoAreRecordedArchivedFoundAndCountedDelivered() throws Exception {
        Path work = dir.resolve("work");
        long started = System.nanoTime();
        try (PlatformJar.Running demo = PlatformJar.start("demo", "--config", PlatformJar.SAMPLE.toString(),
                "--work", work.toString(), "--ports-from", "0", "--lessons", "2", "--start-in", "20s",
                "--lesson-length", "12s", "--gap", "4s", "--segment", "4s")) {
            URI portal = URI.create(demo.awaitLine("Portal: (http://\\S+)", 90).group(1));
            JsonNode ready = await(portal, o -> o.path("classrooms").path("classrooms").findValuesAsText("state").stream()
                    .filter("online"::equals).count() == 4, 60);
            System.out.printf("demo ready (portal answers, 4 agents online) %.1f s after the jar started%n",
                    (System.nanoTime() - started) / 1e9);
            assertThat(ready.path("lessons")).hasSize(2);

            JsonNode done = await(portal, o -> o.path("library").path("total").asInt() == 4, 150);
            for (JsonNode lesson : done.path("lessons")) {
                assertThat(lesson.path("state").asText()).isEqualTo("ended");
            }
            assertThat(done.path("report").path("pairings").findValues("deliveredLessons").stream()
                    .mapToInt(JsonNode::asInt).sum()).isEqualTo(2);

            assertEveryRenditionPlays(work.resolve("library").resolve("archives"));
            assertLibraryFindsEachLesson(portal, work, done);
            screenshotPortal(portal);
            // SIGTERM: every part stops cleanly (143 is the JVM's own exit code for the signal).
            assertThat(demo.stop(30)).as(demo.err()).isIn(0, 143);
            assertThat(demo.err()).doesNotContain("Exception");
        }
    }

    /** Each archive's master playlist names its renditions; ffprobe reads each with video and sound. */
    private static void assertEveryRenditionPlays(Path archives) throws Exception {
        List<Path> playlists;
        try (Stream<Path> files = Files.walk(archives)) {
            playlists = files.filter(p -> p.getFileName().toString().equals("index.m3u8")
                    && !p.toString().contains(".staging")).toList();
        }
        assertThat(playlists).as("renditions in %s", archives).hasSizeGreaterThanOrEqualTo(4);
        for (Path playlist : playlists) {
            JsonNode probe = ffprobe(playlist);
            assertThat(probe.path("streams").findValuesAsText("codec_type")).as(playlist.toString())
                    .contains("video", "audio");
            assertThat(probe.path("format").path("duration").asDouble()).as(playlist.toString()).isGreaterThan(4.0);
        }
    }

    /** A search by school, by subject and by teacher finds the lessons, as staff would search. */
    private static void assertLibraryFindsEachLesson(URI portal, Path work, JsonNode overview) throws Exception {
        String staff = new TokenIssuer(Secrets.read(work.resolve("secret.key")), Clock.systemUTC())
                .issue(Role.STAFF, Scope.parse("county:qingtian"), "demo-test", Duration.ofMinutes(10));
        URI library = URI.create(overview.path("pages").path("library").asText()).resolve("/");
        JsonNode all = get(library.resolve("/api/library/search?type=lesson"), staff);
        assertThat(all.path("total").asInt()).isEqualTo(4);
        for (JsonNode entry : all.path("entries")) {
            JsonNode host = entry.path("rooms").get(0);
            for (String words : List.of(host.path("schoolName").asText(), entry.path("subject").asText(),
                    host.path("teacherName").asText())) {
                assertThat(words).isNotBlank();
                JsonNode found = get(library.resolve("/api/library/search?q=" + URLEncoder.encode(words,
                        StandardCharsets.UTF_8)), staff);
                assertThat(found.path("entries").findValuesAsText("lessonId")).as("search for %s", words)
                        .contains(entry.path("lessonId").asText());
            }
        }
    }

    private static void screenshotPortal(URI portal) throws Exception {
        Path profile = Files.createTempDirectory("portal-chromium");
        ChromeDriver browser = HeadlessChromium.start(profile, List.of());
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1100));
            browser.get(portal.toString());
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "true".equals(
                    d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("同课 · 城乡同步课堂");
            assertThat(browser.findElements(By.cssSelector("#lessons tbody tr[data-state='ended']"))).hasSize(2);
            assertThat(browser.findElement(By.id("library-total")).getText()).isEqualTo("已归档 4 节课");
            Path shot = Path.of("..", "docs", "portal.png");
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            browser.get(portal + "?lang=en");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "true".equals(
                    d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.findElement(By.id("library-total")).getText()).isEqualTo("4 lessons archived");
        } finally {
            browser.quit();
        }
    }

    /** Polls the portal's overview until {@code done} holds, up to {@code seconds}. */
    static JsonNode await(URI portal, Predicate<JsonNode> done, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = JSON.readTree(HTTP.send(HttpRequest.newBuilder(portal.resolve("/api/overview")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (done.test(last)) {
                    return last;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the portal did not get there within " + seconds + " s; last overview: " + last);
    }

    static JsonNode get(URI uri, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode ffprobe(Path media) throws Exception {
        String ffprobe = System.getenv().getOrDefault("TONGKE_TEST_FFPROBE", "ffprobe");
        List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", media.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        JsonNode out = JSON.readTree(p.getInputStream());
        assertThat(p.waitFor()).as("ffprobe " + media).isZero();
        return out;
    }
}
