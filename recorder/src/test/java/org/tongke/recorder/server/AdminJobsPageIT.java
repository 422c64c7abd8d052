package org.tongke.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.testing.HeadlessChromium;
import org.tongke.recorder.archive.ArchiveSettings;
import org.tongke.recorder.testing.Ffmpeg;

/**
 * The archive jobs' page in a real headless Chromium against a running recorder doing real
 * jobs: what staff see while lessons are archived, and the retry of a failed one.
 */
class AdminJobsPageIT {
    private static final String ROOM = "wuzhong/lubo";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path library;
    @TempDir
    Path media;
    @TempDir
    Path profile;
    private RecorderServer server;
    private ChromeDriver browser;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void showsADoneJobAtAHundredPercentAndAFailedOneWithItsReasonWhichTheRetryButtonQueuesAgain() throws Exception {
        server = RecorderServer.start(RecorderOptions.defaults(library).withPort(0)
                        .withArchive(ArchiveSettings.defaults().withPreset("ultrafast")),
                new TokenVerifier(TusClient.SECRET, Clock.systemUTC()), Clock.systemUTC());
        TusClient agent = new TusClient(server.port(), TusClient.agentToken(ROOM));
        String good = "qt-01-sync#1@2021-11-24";
        upload(agent, good, Ffmpeg.clip(media.resolve("good.mp4"), 2, 320, 180, true, "libx264"));
        putManifest(agent, good);
        String bad = "qt-02#1@2021-11-24";
        byte[] noise = new byte[40_000];
        new Random(7).nextBytes(noise);
        upload(agent, bad, Files.write(media.resolve("noise.mp4"), noise));
        putManifest(agent, bad);

        browser = HeadlessChromium.start(profile, List.of());
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get("http://127.0.0.1:" + server.port() + "/admin/jobs?token=" + TusClient.staffToken());

        wait.until(d -> state(d.findElement(By.id("jobs")), good).equals("完成"));
        WebElement done = row(good);
        assertThat(done.findElement(By.cssSelector(".percent")).getText().trim()).isEqualTo("100%");
        assertThat(done.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuenow")).isEqualTo("100");
        assertThat(done.findElement(By.cssSelector(".classroom")).getText()).isEqualTo(ROOM);
        Instant updated = server.jobs().all().stream().filter(j -> j.lesson().equals(good)).findFirst().orElseThrow().updatedAt();
        assertThat(done.findElement(By.cssSelector(".updated")).getText())
                .isEqualTo(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai")).format(updated));
        assertThat(done.findElements(By.cssSelector("button.retry"))).isEmpty();
        assertThat(browser.getCurrentUrl()).doesNotContain("token=");

        wait.until(d -> state(d.findElement(By.id("jobs")), bad).equals("失败"));
        WebElement failed = row(bad);
        assertThat(failed.findElement(By.cssSelector(".reason")).getText())
                .contains("segment teacher#0 is not media FFmpeg can read");
        assertThat(failed.findElement(By.cssSelector(".attempts")).getText()).isEqualTo("1");
        // Newest first: the noise was handed in after the good lesson.
        List<WebElement> rows = browser.findElements(By.cssSelector("#jobs tbody tr"));
        assertThat(rows.get(0).getAttribute("data-id")).isEqualTo(failed.getAttribute("data-id"));

        failed.findElement(By.cssSelector("button.retry")).click();
        wait.until(d -> attempts(bad) == 2 && state(d.findElement(By.id("jobs")), bad).equals("失败"));
        assertThat(server.jobs().all()).filteredOn(j -> j.lesson().equals(bad)).singleElement()
                .satisfies(j -> assertThat(j.attempts()).isEqualTo(2));

        browser.findElement(By.id("lang-toggle")).click();
        wait.until(textToBePresentInElementLocated(By.id("page-heading"), "Archive jobs"));
        wait.until(d -> state(d.findElement(By.id("jobs")), good).equals("Done"));
        assertThat(row(bad).findElement(By.cssSelector("button.retry")).getText()).isEqualTo("Retry");
        assertThat(browser.findElement(By.cssSelector("th:nth-child(7)")).getText()).isEqualTo("Updated (Beijing time)");
    }

    @Test
    void asksForAStaffTokenWhenOpenedWithAnAgentToken() throws Exception {
        server = RecorderServer.start(RecorderOptions.defaults(library).withPort(0),
                new TokenVerifier(TusClient.SECRET, Clock.systemUTC()), Clock.systemUTC());
        browser = HeadlessChromium.start(profile, List.of());
        browser.get("http://127.0.0.1:" + server.port() + "/admin/?lang=en&token=" + TusClient.agentToken(ROOM));

        new WebDriverWait(browser, WAIT).until(textToBePresentInElementLocated(By.id("error"),
                "Open the archive jobs through a link with a staff token."));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/jobs?lang=en");
    }

    private int attempts(String lesson) {
        WebElement cell = row(lesson).findElement(By.cssSelector(".attempts"));
        return Integer.parseInt(cell.getText());
    }

    private WebElement row(String lesson) {
        return browser.findElements(By.cssSelector("#jobs tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector(".lesson")).getText().equals(lesson)).findFirst().orElseThrow();
    }

    private static String state(WebElement table, String lesson) {
        return table.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector(".lesson")).getText().equals(lesson))
                .map(r -> r.findElement(By.cssSelector(".state")).getText()).findFirst().orElse("");
    }

    private static void upload(TusClient agent, String lesson, Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        agent.upload(TusClient.metadata(lesson, ROOM, "teacher", 0, bytes), bytes);
    }

    private static void putManifest(TusClient agent, String lesson) {
        var answer = agent.put("/api/ingest/lessons/" + TusIngestTest.enc(lesson) + "/classrooms/wuzhong/lubo/manifest",
                "{\"sources\":[{\"name\":\"teacher\",\"segments\":1}],"
                        + "\"startedAt\":\"2021-11-24T08:00:00+08:00\",\"endedAt\":\"2021-11-24T08:45:00+08:00\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }
}
