package org.tongke.recorder.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tongke.config.testing.HeadlessChromium;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongke.config.auth.Role;
import org.tongke.recorder.catalog.ArchivedLesson;
import org.tongke.recorder.catalog.CatalogEntry;
import org.tongke.recorder.catalog.LessonMetadata;
import org.tongke.recorder.resource.ResourceLimits;
import org.tongke.recorder.testing.Documents;
import org.tongke.recorder.held.HeldLessonJson;
import org.tongke.recorder.held.HeldLessonJsonTest;
import org.tongke.recorder.held.HeldLessons;
import org.tongke.recorder.testing.LessonFixtures;
import org.tongke.recorder.testing.LibraryServer;
import org.tongke.recorder.testing.Media;
import org.tongke.recorder.testing.TestDatabases;
import org.tongke.recorder.testing.TinyPlan;

/**
 * The library's pages in a real headless Chromium (Debian's chromium and chromedriver) against
 * the library's routes in-process, with a real HLS lesson made by ffmpeg: what a teacher sees.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryPageIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SECONDS = 6;

    @TempDir
    static Path dir;

    private static LibraryServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        server = LibraryServer.start(dir, TinyPlan.directory(dir.resolve("county")), TestDatabases.h2(),
                ResourceLimits.DEFAULTS);
        Media.hlsLesson(server.folder().resolve("lessons/math"), SECONDS);
        publish(LessonFixtures.math("2021-09-06"), "lessons/math");
        publish(LessonFixtures.music("2021-09-06"), "lessons/math");
        token = server.token(Role.ASSISTANT_TEACHER, "chen-jie");
        browser = chromium();
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSearchFindsTheLessonAndItsRecordingPlays() throws Exception {
        open("/library/?token=" + token);
        assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token=");
        assertThat(browser.findElements(By.cssSelector("#results article.card"))).hasSize(2);

        browser.findElement(By.id("q")).sendKeys("数学");
        browser.findElement(By.id("search-button")).click();
        wait.until(numberOfElementsToBe(By.cssSelector("#results article.card"), 1));
        WebElement card = browser.findElement(By.cssSelector("#results article.card"));
        assertThat(card.getText()).contains("四年级数学", "同步课堂", "城西小学 四年级(1)班", "主讲 王芳", "助教 陈杰");
        assertThat(text("total")).isEqualTo("共 1 条");
        WebElement poster = card.findElement(By.cssSelector("img.poster"));
        wait.until(d -> (Boolean) js("return arguments[0].complete && arguments[0].naturalWidth > 0", poster));
        assertThat(browser.findElement(By.cssSelector("[data-facet='subject']")).getText()).contains("数学 (1)");

        card.findElement(By.cssSelector("a.title")).click();
        wait.until(attributeToBe(By.tagName("body"), "data-state", "ready"));
        assertThat(text("lesson-title")).isEqualTo("四年级数学");
        wait.until(numberOfElementsToBe(By.cssSelector("#thumbs img"), SECONDS));
        js("const v = document.getElementById('player'); v.muted = true; v.play();");
        wait.until(d -> ((Number) js("return document.getElementById('player').currentTime")).doubleValue() > 1.5);
        assertThat((Boolean) js("return !!window.libraryPlayer")).as("played through hls.js").isTrue();
        wait.until(textToBePresentInElementLocated(By.id("views"), "点播 1 次"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve("lesson-page.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Last: the resource it adds would change the other tests' counts. */
    @Test
    @Order(Integer.MAX_VALUE)
    void attachesAStudyGuideOnTheLessonPageAndSaysWhyAWrongFileIsRefused() throws Exception {
        Path pdf = Files.write(dir.resolve("导学单.pdf"), Documents.pdf());
        Path text = Files.writeString(dir.resolve("notes.pdf"), "not a PDF at all");
        open("/library/?token=" + token);
        browser.findElement(By.cssSelector("#results article.card[data-entry] a.title")).click();
        wait.until(attributeToBe(By.tagName("body"), "data-state", "ready"));

        browser.findElement(By.id("upload-title")).sendKeys("分数导学单");
        browser.findElement(By.id("upload-file")).sendKeys(pdf.toString());
        browser.findElement(By.id("upload-submit")).click();
        wait.until(attributeToBe(By.id("upload-result"), "data-state", "ok"));
        assertThat(text("attachments")).contains("分数导学单", "导学单");

        browser.findElement(By.id("upload-title")).sendKeys("练习");
        browser.findElement(By.id("upload-file")).sendKeys(text.toString());
        browser.findElement(By.id("upload-submit")).click();
        wait.until(attributeToBe(By.id("upload-result"), "data-state", "error"));
        assertThat(text("upload-result")).isEqualTo("文件类型不被接受：资源库只接收 PDF、PPTX、DOCX、PNG 或 JPEG 文件。");
    }

    @Test
    void filtersWithCountsNarrowTheResults() {
        open("/library/");
        WebElement kinds = browser.findElement(By.cssSelector("[data-facet='kind']"));
        assertThat(kinds.getText()).contains("同步课堂 (1)", "专递课堂 (1)");

        kinds.findElement(By.cssSelector("button[data-value='dedicated-delivery']")).click();

        wait.until(numberOfElementsToBe(By.cssSelector("#results article.card"), 1));
        assertThat(browser.findElement(By.cssSelector("#results article.card")).getText()).contains("四年级音乐");
        assertThat(browser.getCurrentUrl()).contains("kind=dedicated-delivery");
    }

    @Test
    void speaksEnglishWhenAsked() {
        open("/library/?lang=en");

        assertThat(browser.getTitle()).isEqualTo("Tongke library");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("[data-facet='subject'] h3")).getText()).isEqualTo("Subject");
        assertThat(text("total")).isEqualTo("2 found");
        assertThat(browser.findElement(By.id("nav-admin")).getText()).isEqualTo("Archive jobs");
    }

    @Test
    void withoutATokenThePageSaysHowToGetIn() {
        browser.get(server.base() + "/library/");
        js("sessionStorage.clear();");
        browser.navigate().refresh();
        wait.until(attributeToBe(By.tagName("body"), "data-state", "error"));

        assertThat(text("error")).isEqualTo("请通过带令牌的链接打开资源库（教师或工作人员令牌）。");
    }

    @Test
    void theReportSetsPlannedAgainstDeliveredLessonsAndTheTargets() {
        // The other 数学 lesson ran live and left no recording.
        new HeldLessons(server.catalog().dataSource(), server.clock()).record(
                HeldLessonJson.read("c1-math#1@2021-09-13", HeldLessonJsonTest.BODY), "signaling-test");
        open("/library/report.html");

        WebElement total = browser.findElement(By.cssSelector("tr.total[data-supporting='chengxi'][data-receiving='zhenbu']"));
        assertThat(total.getText()).contains("城西小学 → 祯埠镇小", "合计", "未达标");
        assertThat(total.getAttribute("class")).contains("shortfall");
        assertThat(browser.findElements(By.cssSelector("#report-table tr.subject"))).extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("数学", "2 2 1 1"));
        assertThat(browser.findElement(By.cssSelector("#report-table thead")).getText())
                .contains("实开", "其中有录像", "其中仅直播（无录像）");
        assertThat(total.findElement(By.cssSelector("td.held-live")).getText()).isEqualTo("1");
    }

    private static void publish(LessonMetadata lesson, String folder) {
        CatalogEntry entry = server.catalog().publish(new ArchivedLesson(lesson.lessonId(), "chengxi/lubo", SECONDS, 640,
                360, folder + "/poster.jpg", folder + "/thumbs", folder + "/master.m3u8", 1, Instant.now()), lesson);
        assertThat(entry.id()).isPositive();
    }

    /** Loads a page (the token stays in the tab's session) and waits until it has its data. */
    private static void open(String path) {
        browser.get(server.base() + path);
        wait.until(attributeToBe(By.tagName("body"), "data-state", "ready"));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static ChromeDriver chromium() {
        return HeadlessChromium.start(dir.resolve("chromium-profile"), List.of("--autoplay-policy=no-user-gesture-required"));
    }


}
