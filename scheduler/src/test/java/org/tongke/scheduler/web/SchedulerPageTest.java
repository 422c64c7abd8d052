package org.tongke.scheduler.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongke.config.county.County;
import org.tongke.config.testing.HeadlessChromium;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;
import org.tongke.scheduler.api.LessonSlots;
import org.tongke.scheduler.api.PlanPublisher;
import org.tongke.scheduler.api.SchedulerServer;
import org.tongke.scheduler.check.PlanChecker;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.WeeklyLesson;
import org.tongke.scheduler.publish.SchedulerService;
import org.tongke.scheduler.solver.TimetableSolver;

/**
 * The one-timetable page in a real headless Chromium (Debian's chromium and chromedriver), against
 * the scheduler serving the tiny county in-process: what a member of staff sees and does.
 */
class SchedulerPageTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String MATH = "c1-math#1";
    private static final String MUSIC = "c1-music#1";
    private static final String COMMUNITY = "城西小学—祯埠镇小共建型教共体";

    @TempDir
    static Path dir;

    private static County county;
    private static SchedulerServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        TinyCounty tiny = TinyCounty.copyTo(dir.resolve("county"));
        // Ring zhenbu's afternoon with chengxi's, so that a 40-minute lesson fits both.
        tiny.edit("schools/zhenbu.yaml", "{start: \"13:40\", end: \"14:20\"}", "{start: \"13:30\", end: \"14:10\"}");
        // But not on Tuesdays, so that no time on Tuesday fits both schools.
        tiny.edit("schools/zhenbu.yaml", "{start: \"14:30\", end: \"15:10\"}", "{start: \"14:30\", end: \"15:10\"}\n"
                + "  tuesday:\n    - {start: \"08:10\", end: \"08:50\"}\n    - {start: \"09:00\", end: \"09:40\"}\n"
                + "    - {start: \"10:10\", end: \"10:50\"}\n    - {start: \"11:00\", end: \"11:40\"}\n"
                + "    - {start: \"13:40\", end: \"14:20\"}\n    - {start: \"14:30\", end: \"15:10\"}");
        // Ask for more offline research than the plan holds, so the pairing falls short.
        tiny.edit("county.yaml", "offlineResearch: 4}", "offlineResearch: 6}");
        county = CountyValidator.validate(tiny.dir()).orThrow();
        Plan plan = new SchedulerService(county).solve(TimetableSolver.Limits.of(Duration.ofSeconds(3)), Map.of(), p -> { });
        assertThat(PlanChecker.check(county, plan)).isEmpty();
        server = SchedulerServer.start(county, 0, dir.resolve("plans/plan.json"), new PlanPublisher.InProcess(), plan);
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

    @BeforeEach
    void freshVisit() {
        browser.get(base() + "/");
        ((JavascriptExecutor) browser).executeScript("localStorage.clear(); sessionStorage.clear();");
        open("/");
    }

    @Test
    void showsTheOneTimetableInChineseByDefault() throws Exception {
        assertThat(browser.getTitle()).isEqualTo("同步课堂“一张表”");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(text("page-heading")).isEqualTo("同步课堂“一张表”");
        assertThat(text("grid-h")).isEqualTo("周课表");
        assertThat(text("compliance-h")).isEqualTo("结对达标情况");
        assertThat(text("unplaced-h")).isEqualTo("未排入的课");
        assertThat(text("plan-version")).isEqualTo("第 " + server.store().version() + " 版");
        assertThat(text("county")).isEqualTo("测试县");
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/api/plan'))"))
                .asList().containsExactly(base() + "/api/plan?parts=weekly,unplaced,compliance");

        WebElement math = lesson(MATH, dayOf(MATH));
        WebElement music = lesson(MUSIC, dayOf(MUSIC));
        assertThat(math.getText()).contains("数学", "同步课堂", "城西小学 四年级(1)班 → 祯埠镇小");
        assertThat(music.getText()).contains("音乐", "专递课堂");
        assertThat(math.getAttribute("class")).contains("kind-synchronized");
        assertThat(music.getAttribute("class")).contains("kind-dedicated-delivery");
        assertThat(math.getCssValue("background-color")).isNotEqualTo(music.getCssValue("background-color"));
        assertThat(browser.findElement(By.id("legend")).getText()).contains("同步课堂", "专递课堂", "名师课堂");
        assertThat(text("unplaced")).isEqualTo("所有课都已排入。");
        screenshot("scheduler-page.png");
    }

    @Test
    void highlightsThePairingThatFallsShortOfItsTargets() {
        WebElement row = browser.findElement(By.cssSelector("#compliance-table tr[data-supporting='chengxi'][data-receiving='zhenbu']"));

        assertThat(row.getText()).contains("城西小学 → 祯埠镇小", "共建型", "未达标", "线下教研计划", "目标 6");
        assertThat(row.getAttribute("class")).isEqualTo("shortfall");
        assertThat(row.getCssValue("background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(row.findElement(By.cssSelector("td.below")).getText()).endsWith("/ 6");
    }

    @Test
    void showsACommunitysAndASchoolsWeekWithThePeriodsTakenThere() {
        Select scope = new Select(browser.findElement(By.id("scope")));
        assertThat(scope.getOptions()).extracting(WebElement::getText)
                .containsExactly("全县", COMMUNITY, "城西小学", "祯埠镇小");

        scope.selectByValue("school:zhenbu");

        wait.until(textToBePresentInElementLocated(By.cssSelector("#week-grid caption"), "祯埠镇小的每周同步课表"));
        assertThat(lesson(MATH, dayOf(MATH)).getText()).contains("第5节 13:30-14:10");
        assertThat(browser.getCurrentUrl()).endsWith("#school%3Azhenbu");
        new Select(browser.findElement(By.id("scope"))).selectByValue("community:c1");
        wait.until(textToBePresentInElementLocated(By.cssSelector("#week-grid caption"), COMMUNITY + "的每周同步课表"));
        assertThat(browser.findElements(By.cssSelector("#week-grid button.lesson"))).hasSize(2);
    }

    @Test
    void droppingALessonOnAFreeCellAsksToMoveItThere() {
        String free = freeWeekday();
        WebElement block = lesson(MATH, dayOf(MATH));
        WebElement cell = browser.findElement(By.cssSelector("td[data-day='" + free + "'][data-start='13:30']"));

        ((JavascriptExecutor) browser).executeScript("const [block, cell] = arguments;"
                + "const data = new DataTransfer();"
                + "const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));"
                + "fire(block, 'dragstart'); fire(cell, 'dragenter'); fire(cell, 'dragover'); fire(cell, 'drop'); fire(block, 'dragend');",
                block, cell);

        wait.until(attributeToBe(By.id("move-result"), "data-state", "ok"));
        assertThat(new Select(browser.findElement(By.id("move-day"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(free);
        assertThat(new Select(browser.findElement(By.id("move-start"))).getFirstSelectedOption().getText())
                .isEqualTo("13:30");
        assertThat(browser.findElement(By.id("move-save")).isEnabled()).isTrue();
    }

    @Test
    void switchesToEnglishAndRemembersTheChoice() {
        browser.findElement(By.id("lang-toggle")).click();
        wait.until(textToBePresentInElementLocated(By.id("grid-h"), "Week timetable"));

        assertThat(browser.getTitle()).isEqualTo("The one timetable of synchronized lessons");
        assertThat(text("compliance-h")).isEqualTo("Pairings against their yearly targets");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(lesson(MATH, dayOf(MATH)).getText()).contains("Synchronized");
        assertThat(new Select(browser.findElement(By.id("scope"))).getOptions()).extracting(WebElement::getText)
                .contains(COMMUNITY + " (co-built)");

        open("/");
        assertThat(text("grid-h")).as("the choice is remembered").isEqualTo("Week timetable");
        open("/?lang=zh");
        assertThat(text("grid-h")).isEqualTo("周课表");
        ((JavascriptExecutor) browser).executeScript("localStorage.clear();");
        open("/?lang=en");
        assertThat(text("unplaced-h")).isEqualTo("Unplaced lessons");
    }

    @Test
    void aLessonsDetailNamesItsTeachersRoomsAndThePeriodItTakesAtEachSchool() {
        openLesson(MATH);

        WebElement host = browser.findElement(By.cssSelector("#detail-rooms tr[data-school='chengxi']"));
        WebElement receiver = browser.findElement(By.cssSelector("#detail-rooms tr[data-school='zhenbu']"));
        assertThat(host.getText()).contains("主讲", "城西小学", "四年级(1)班", "王芳", "录播教室", "第5节 13:30-14:10")
                .doesNotContain("wang-fang", "lubo");
        assertThat(receiver.getText()).contains("接收", "祯埠镇小", "陈杰", "录播教室", "第5节 13:30-14:10")
                .doesNotContain("chen-jie");
        assertThat(text("detail-when")).contains(COMMUNITY);
        assertThat(text("detail-title")).contains("数学", "同步课堂");
        wait.until(presenceOfElementLocated(By.cssSelector("#detail-score table")));
        assertThat(text("detail-score")).contains("软约束明细", "合计扣分");
        List<String> feeds = browser.findElements(By.cssSelector("#detail-ical a")).stream()
                .map(a -> a.getAttribute("href").replace(base(), "")).toList();
        assertThat(feeds).contains("/api/ical/school/chengxi.ics", "/api/ical/school/zhenbu.ics",
                "/api/ical/teacher/chengxi/wang-fang.ics", "/api/ical/classroom/zhenbu/lubo.ics");
        Object feed = ((JavascriptExecutor) browser).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[arguments.length - 1])", feeds.get(0));
        assertThat(String.valueOf(feed)).startsWith("BEGIN:VCALENDAR");
    }

    @Test
    void theMovePickerOffersTheTimesThatFitEverySchoolAndSaysWhenADayHasNone() throws Exception {
        String free = freeWeekday();
        assertThat(LessonSlots.of(county, current(), MATH)).as("the premise: /slots").containsKey(DayOfWeek.valueOf(
                free.toUpperCase())).doesNotContainKey(DayOfWeek.TUESDAY);
        openLesson(MATH);

        new Select(browser.findElement(By.id("move-day"))).selectByValue(free);

        assertThat(startChoices()).containsExactly("13:30", "其他时间…");
        assertThat(text("move-slots")).isEqualTo("所列时间都在每所学校的节次之内。");
        new Select(browser.findElement(By.id("move-day"))).selectByValue("tuesday");
        wait.until(attributeToBe(By.id("move-slots"), "data-state", "none"));
        assertThat(text("move-slots")).startsWith("星期二没有每所学校都在节次之内的时间");
        assertThat(new Select(browser.findElement(By.id("move-day"))).getFirstSelectedOption().getText())
                .isEqualTo("星期二（无合适时间）");
        assertThat(startChoices()).containsExactly("其他时间…");
        assertThat(browser.findElement(By.id("move-custom")).isDisplayed()).as("free text stays").isTrue();
        assertThat(browser.findElement(By.id("move-custom")).getAttribute("value")).isEqualTo("13:30");
        wait.until(attributeToBe(By.id("move-result"), "data-state", "conflicts"));
        screenshot("scheduler-page-move-none.png");
    }

    @Test
    void aMoveOntoAnotherClassesLessonListsTheConflictAndCannotBeSaved() {
        openLesson(MATH);

        pickMove("monday", "13:30");

        wait.until(attributeToBe(By.id("move-result"), "data-state", "conflicts"));
        assertThat(text("move-conflicts")).contains("四年级(1)班 of 城西小学 has 音乐 then");
        assertThat(browser.findElement(By.id("move-save")).isEnabled()).isFalse();
    }

    @Test
    void aMoveToAFreeAfternoonShowsNoConflictAndSavesIntoTheGrid() throws Exception {
        int before = server.store().version();
        String free = freeWeekday();
        openLesson(MATH);

        pickMove(free, "13:30");

        wait.until(attributeToBe(By.id("move-result"), "data-state", "ok"));
        assertThat(text("move-result")).isEqualTo("没有冲突，可以保存。");
        wait.until(elementToBeClickable(By.id("move-save")));
        screenshot("scheduler-page-move.png");
        browser.findElement(By.id("move-save")).click();

        wait.until(presenceOfElementLocated(By.cssSelector("td[data-day='" + free + "'] button[data-weekly='" + MATH + "']")));
        wait.until(attributeToBe(By.id("plan-version"), "data-version", String.valueOf(before + 1)));
        assertThat(text("status")).isEqualTo("已调课并发布第 " + (before + 1) + " 版。");
        assertThat(dayOf(MATH)).isEqualTo(free);
        assertThat(browser.findElement(By.id("detail")).isDisplayed()).isFalse();
    }

    @Test
    void solvingShowsTheBestScoreAsItGoesAndCanBeStopped() {
        int before = server.store().version();
        WebElement seconds = browser.findElement(By.id("solve-seconds"));
        seconds.clear();
        seconds.sendKeys("60");

        browser.findElement(By.id("solve-start")).click();

        wait.until(attributeToBe(By.id("solve-progress"), "data-state", "running"));
        wait.until(textToBePresentInElementLocated(By.id("solve-progress"), "hard"));
        assertThat(text("solve-progress")).contains("求解中", "最优得分");
        assertThat(browser.findElement(By.id("solve-start")).isEnabled()).isFalse();
        browser.findElement(By.id("solve-stop")).click();
        wait.until(attributeToBe(By.id("solve-progress"), "data-state", "stopped"));
        wait.until(attributeToBe(By.id("plan-version"), "data-version", String.valueOf(before + 1)));
        assertThat(text("solve-progress")).contains("已停止", "已发布第 " + (before + 1) + " 版");
        assertThat(browser.findElement(By.id("solve-stop")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#week-grid button.lesson"))).hasSize(2);
    }

    @Test
    void solvingToTheEndPublishesANewVersion() {
        int before = server.store().version();
        WebElement seconds = browser.findElement(By.id("solve-seconds"));
        seconds.clear();
        seconds.sendKeys("3");

        browser.findElement(By.id("solve-start")).click();

        wait.until(attributeToBe(By.id("solve-progress"), "data-state", "done"));
        wait.until(attributeToBe(By.id("plan-version"), "data-version", String.valueOf(before + 1)));
        assertThat(text("solve-progress")).contains("完成", "最优得分 0hard", "已发布第 " + (before + 1) + " 版");
        assertThat(browser.findElement(By.id("solve-start")).isEnabled()).isTrue();
    }

    // --- helpers ---

    private static ChromeDriver chromium() {
        return HeadlessChromium.start(dir.resolve("chromium-profile"), List.of());
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Loads the page and waits until it shows the published plan. */
    private static void open(String path) {
        browser.get(base() + path);
        wait.until(attributeToBe(By.id("plan-version"), "data-version", String.valueOf(server.store().version())));
        wait.until(presenceOfElementLocated(By.id("week-grid")));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String dayOf(String weekly) {
        return current().weekly().stream().filter(w -> w.id().equals(weekly)).findFirst().orElseThrow()
                .day().name().toLowerCase();
    }

    private static Plan current() {
        return server.store().current().orElseThrow();
    }

    /** The lesson's block, found in its weekday's column. */
    private static WebElement lesson(String weekly, String day) {
        return browser.findElement(By.cssSelector("td[data-day='" + day + "'] button[data-weekly='" + weekly + "']"));
    }

    /** Of the days whose afternoon is free in both schools' own timetables, one without a lesson. */
    private static String freeWeekday() {
        Set<DayOfWeek> taken = current().weekly().stream().map(WeeklyLesson::day).collect(Collectors.toSet());
        return List.of(DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).stream()
                .filter(d -> !taken.contains(d)).findFirst().orElseThrow().name().toLowerCase();
    }

    /** Opens the lesson's detail and waits until its move picker knows the times that fit. */
    private static void openLesson(String weekly) {
        lesson(weekly, dayOf(weekly)).click();
        wait.until(visibilityOfElementLocated(By.id("detail-rooms")));
        wait.until(d -> !"loading".equals(d.findElement(By.id("move-slots")).getAttribute("data-state")));
    }

    private static void pickMove(String day, String start) {
        new Select(browser.findElement(By.id("move-day"))).selectByValue(day);
        new Select(browser.findElement(By.id("move-start"))).selectByValue(start);
    }

    /** The start times the move picker offers for the chosen weekday, as shown. */
    private static List<String> startChoices() {
        return new Select(browser.findElement(By.id("move-start"))).getOptions().stream().map(WebElement::getText).toList();
    }

    private static void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
