package org.tongke.signaling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.testing.HeadlessChromium;
import org.tongke.signaling.server.ServerOptions;
import org.tongke.signaling.server.SignalingServer;
import org.tongke.signaling.service.SignalingService;

/**
 * The console page in two real headless Chromiums with fake cameras (Debian's chromium and
 * chromedriver): a lead teacher and a rural room's assistant join one lesson through a real
 * signaling server, see each other's video, and pass the floor; the rural room's link runs through
 * a relay the test cuts.
 */
class ConsolePageIT {
    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final byte[] SECRET = "a-console-page-test-secret-of-more-than-32-bytes".getBytes(StandardCharsets.UTF_8);
    private static final String RURAL = "wuzhong/lubo";
    private static final String OTHER_RURAL = "shankou/lubo";

    /** Each tile's video, in order: whether its sound is on and whether it plays. */
    private static final String VIDEOS = "return [...document.querySelectorAll('#videos video')]"
            + ".map(v => (v.muted ? 'muted' : 'sound') + (v.paused ? ' paused' : ' playing'))";

    @TempDir
    static Path dir;

    private static final TokenIssuer ISSUER = new TokenIssuer(SECRET, Clock.systemUTC());
    private static SignalingServer server;
    private static TcpProxy ruralLink;
    private static ChromeDriver teacher;
    private static ChromeDriver rural;

    @BeforeAll
    static void start() throws Exception {
        // A high message rate: one test floods a room's chat from a single client.
        server = SignalingServer.start(ServerOptions.defaults().withPort(0).withRate(1000, 1000),
                new TokenVerifier(SECRET, Clock.systemUTC()), Clock.systemUTC());
        ruralLink = TcpProxy.to(server.port());
        teacher = chromium("teacher");
        rural = chromium("rural");
    }

    @AfterAll
    static void stop() {
        for (WebDriver browser : new WebDriver[] {teacher, rural}) {
            if (browser != null) {
                browser.quit();
            }
        }
        if (ruralLink != null) {
            ruralLink.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Leaving the page closes its WebSocket cleanly: the next test starts with fresh sessions. */
    @AfterEach
    void leave() {
        teacher.get("about:blank");
        rural.get("about:blank");
        ruralLink.unblock();
    }

    @Test
    void teacherAndRuralRoomSeeEachOthersVideoAndTheTeacherGivesTheRaisedHandTheFloorThenStartsTheLesson() throws Exception {
        String room = "qt-01-sync#1";
        openTeacher(room);
        openRural(room);
        assertThat(rural.getCurrentUrl()).doesNotContain("token");
        assertThat(script(rural, "return sessionStorage.getItem('tongke.console.token')")).isNotNull();

        // Each side decodes the other's fake camera.
        waitFor(teacher).until(d -> framesDecodedFrom(teacher, RURAL) > 0);
        waitFor(rural).until(d -> framesDecodedFrom(rural, null) > 0);
        // A console that captures may play sound at once: the other room is heard.
        waitFor(teacher).until(d -> List.of("muted playing", "sound playing").equals(script(teacher, VIDEOS)));
        String tile = "#videos figure.tile[data-classroom='" + RURAL + "'] .label";
        assertThat(teacher.findElement(By.cssSelector(tile)).getText()).isEqualTo(RURAL);
        waitFor(teacher).until(d -> List.of("good", "fair", "poor").contains(d.findElement(
                By.cssSelector("#videos figure.tile[data-classroom='" + RURAL + "'] .quality")).getAttribute("data-quality")));

        click(rural, By.id("raise-hand"));
        waitFor(rural).until(textToBe(By.id("hand-status"), "已举手，等待主讲教师"));
        By hand = By.cssSelector("#hands-list li[data-classroom='" + RURAL + "']");
        waitFor(teacher).until(presenceOfElementLocated(hand));
        assertThat(teacher.findElement(hand).getText()).startsWith("1. " + RURAL);
        click(teacher, By.cssSelector("#hands-list li[data-classroom='" + RURAL + "'] button.grant"));
        waitFor(rural).until(attributeToBe(By.id("floor-status"), "data-mine", "true"));
        assertThat(rural.findElement(By.id("floor-status")).getText()).isEqualTo("本教室正在发言");
        waitFor(teacher).until(d -> d.findElement(By.id("hands-empty")).isDisplayed());
        assertThat(teacher.findElements(By.cssSelector("#hands-list li"))).isEmpty();
        assertThat(teacher.findElement(By.id("floor-status")).getText()).isEqualTo(RURAL + " 正在发言");

        click(teacher, By.id("start-lesson"));
        waitFor(rural).until(attributeToBe(By.id("lesson-state"), "data-lesson", "live"));
        assertThat(rural.findElement(By.id("lesson-state")).getText()).isEqualTo("上课中");
        rural.findElement(By.id("attendance-present")).clear();
        rural.findElement(By.id("attendance-present")).sendKeys("38");
        click(rural, By.id("attendance-send"));
        waitFor(teacher).until(textToBe(By.cssSelector("#controls-rows tr[data-classroom='" + RURAL + "'] td"), "38/40"));
        rural.findElement(By.id("chat-text")).sendKeys("老师好", Keys.ENTER);
        waitFor(teacher).until(textToBePresentInElementLocated(By.id("chat-list"), "老师好"));
        assertThat(teacher.findElement(By.cssSelector("#chat-list .who")).getText()).isEqualTo(RURAL);

        // Locked by the lead teacher, the rural room's microphone is off and it cannot turn it on.
        assertThat(state(rural).get("microphone")).isEqualTo(true);
        click(teacher, By.cssSelector("#controls-rows tr[data-classroom='" + RURAL + "'] button[data-action='lock']"));
        waitFor(rural).until(d -> Boolean.FALSE.equals(state(rural).get("microphone")));
        assertThat(rural.findElement(By.id("self-mute")).isEnabled()).isFalse();
        assertThat(rural.findElement(By.id("mute-status")).getText()).isEqualTo("主讲教师已锁定本教室的麦克风。");
        click(teacher, By.cssSelector("#controls-rows tr[data-classroom='" + RURAL + "'] button[data-action='lock']"));
        click(rural, By.id("self-mute"));
        waitFor(rural).until(d -> Boolean.TRUE.equals(state(rural).get("microphone")));
        screenshot(teacher, "console-teacher.png");
        screenshot(rural, "console-rural.png");
    }

    @Test
    void ruralPageResumesItsSessionAfterItsLinkDropsAndShowsWhatHappenedMeanwhile() {
        String room = "qt-02-sync#1";
        openTeacher(room);
        openRural(room);
        String session = (String) state(rural).get("session");

        ruralLink.block();
        ruralLink.cut();
        By ruralTile = By.cssSelector("#videos figure.tile[data-classroom='" + RURAL + "']");
        waitFor(teacher).until(d -> d.findElement(ruralTile).getAttribute("class").contains("away"));
        click(teacher, By.cssSelector("#controls-rows tr[data-classroom='" + RURAL + "'] button[data-action='grant']"));
        waitFor(teacher).until(attributeToBe(By.id("floor-status"), "data-floor", RURAL));
        ruralLink.unblock();

        waitFor(rural).until(attributeToBe(By.id("floor-status"), "data-mine", "true"));
        Map<String, Object> after = state(rural);
        assertThat(after.get("session")).isEqualTo(session);
        assertThat((Long) after.get("resumes")).isEqualTo(1L);
        assertThat(after.get("replay")).isEqualTo("buffer");
        assertThat(rural.findElement(By.id("link-status")).getAttribute("data-state")).isEqualTo("resumed");
        waitFor(teacher).until(d -> !d.findElement(ruralTile).getAttribute("class").contains("away"));
    }

    @Test
    void ruralPageThatMissedMoreThanTheReplayKeepsIsPutRightByAFreshSnapshot() throws Exception {
        String room = "qt-05-sync#1";
        openTeacher(room);
        openRural(room);
        String session = (String) state(rural).get("session");
        waitFor(rural).until(d -> ((Map<?, ?>) state(rural).get("peers")).size() == 1);

        ruralLink.block();
        ruralLink.cut();
        By ruralTile = By.cssSelector("#videos figure.tile[data-classroom='" + RURAL + "']");
        waitFor(teacher).until(d -> d.findElement(ruralTile).getAttribute("class").contains("away"));
        int lines = SignalingService.REPLAY_CAPACITY + 20;
        chatAsAnotherTeacher(room, lines);
        waitFor(teacher).until(textToBePresentInElementLocated(By.id("chat-list"), "第 " + lines + " 条"));
        click(teacher, By.cssSelector("#controls-rows tr[data-classroom='" + RURAL + "'] button[data-action='grant']"));
        waitFor(teacher).until(attributeToBe(By.id("floor-status"), "data-floor", RURAL));
        ruralLink.unblock();

        waitFor(rural).until(attributeToBe(By.id("floor-status"), "data-mine", "true"));
        assertThat(state(rural).get("session")).isEqualTo(session);
        assertThat(state(rural).get("replay")).isEqualTo("snapshot");
        assertThat(rural.findElement(By.id("chat-list")).getText()).contains("第 " + lines + " 条");
        assertThat(rural.findElements(By.cssSelector("#chat-list li"))).hasSize(100);
        // The other teacher came and went while the page was away: its tile is gone, the lead teacher's stays.
        assertThat(rural.findElements(By.cssSelector("#videos figure.tile"))).hasSize(2);
        assertThat(((Map<?, ?>) state(rural).get("peers"))).hasSize(1);
    }

    @Test
    void consoleModulesMeasureQualityBackOffAndChooseWhoOffersAsTheDocsSay() {
        rural.get(base(server.port()) + "/console?lang=zh");
        Object result = ((JavascriptExecutor) rural).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/console/quality.js'), import('/console/signaling.js'), import('/console/peers.js')])
                  .then(([q, s, p]) => {
                    const a = { at: 0, bytes: 0, packetsReceived: 0, packetsLost: 0, framesDecoded: 0, rttMs: 30 };
                    const b = { at: 2000, bytes: 250000, packetsReceived: 950, packetsLost: 50, framesDecoded: 30, rttMs: 30 };
                    const lead = { session: 'b', role: 'lead-teacher' };
                    const rural = { session: 'c', role: 'assistant-teacher' };
                    const staff = { session: 'a', role: 'staff' };
                    const agent = { session: 'd', role: 'classroom-agent' };
                    done({
                      measured: q.measure(a, b),
                      qualities: [q.classify({ rttMs: 40, lossPct: 0.5 }), q.classify({ rttMs: 200, lossPct: 1 }),
                        q.classify({ rttMs: 100, lossPct: 10 }), q.classify({ rttMs: null, lossPct: null })],
                      backoff: [s.backoff(0, () => 1), s.backoff(1, () => 1), s.backoff(3, () => 0), s.backoff(20, () => 1)],
                      offers: [p.offers(rural, lead, true), p.offers(lead, rural, false), p.offers(lead, staff, false),
                        p.offers(staff, lead, true), p.offers(lead, agent, true)],
                    });
                  }, (e) => done(String(e)));
                """);
        assertThat(result).isInstanceOf(Map.class);
        Map<?, ?> r = (Map<?, ?>) result;
        assertThat(((Map<?, ?>) r.get("measured")).get("lossPct")).isEqualTo(5L);
        assertThat(((Map<?, ?>) r.get("measured")).get("kbps")).isEqualTo(1000L);
        assertThat(r.get("qualities")).isEqualTo(List.of("good", "fair", "poor", "unknown"));
        assertThat(r.get("backoff")).isEqualTo(List.of(500L, 1000L, 2000L, 15000L));
        assertThat(r.get("offers")).isEqualTo(List.of(true, false, true, false, false));
    }

    /** A second lead-teacher client joins, says {@code lines} chat lines and leaves, all while the rural page is away. */
    private static void chatAsAnotherTeacher(String room, int lines) {
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), new WebSocket.Listener() { })
                .join();
        ws.sendText("{\"v\":1,\"type\":\"hello\",\"token\":\"" + token(Role.LEAD_TEACHER, "lesson:" + room) + "\"}", true).join();
        ws.sendText("{\"v\":1,\"type\":\"join\",\"room\":\"" + room + "\"}", true).join();
        for (int i = 1; i <= lines; i++) {
            ws.sendText("{\"v\":1,\"type\":\"chat\",\"room\":\"" + room + "\",\"text\":\"第 " + i + " 条\"}", true).join();
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void staffObserveEveryClassroomWithoutSendingAnything() {
        String room = "qt-04-sync#1";
        openTeacher(room);
        openRural(room);
        String teacherWindow = teacher.getWindowHandle();
        try {
            teacher.switchTo().newWindow(WindowType.TAB);
            teacher.get(consoleUrl(server.port(), room, token(Role.STAFF, "county:test")));
            waitFor(teacher).until(attributeToBe(By.id("lesson-state"), "data-lesson", "waiting"));

            // Both consoles offer to the observer; it answers and decodes both, with no camera of its own.
            waitFor(teacher).until(d -> framesDecodedFrom(teacher, RURAL) > 0 && framesDecodedFrom(teacher, null) > 0);
            assertThat(state(teacher).get("camera")).isEqualTo(false);
            // Without a camera of its own the page may not play sound unasked: muted pictures until a click.
            waitFor(teacher).until(d -> List.of("muted playing", "muted playing").equals(script(teacher, VIDEOS)));
            assertThat(teacher.findElement(By.id("notice")).getText())
                    .isEqualTo("浏览器暂停了声音：点击页面任意处即可听到各教室。");
            teacher.findElement(By.id("videos-h")).click();
            waitFor(teacher).until(d -> List.of("sound playing", "sound playing").equals(script(teacher, VIDEOS)));
            assertThat(teacher.findElement(By.id("notice")).isDisplayed()).isFalse();
            assertThat(teacher.findElements(By.cssSelector("#videos figure.tile"))).hasSize(2);
            assertThat(teacher.findElements(By.cssSelector("#videos figure.tile.local"))).isEmpty();
            assertThat(teacher.findElement(By.id("chat-form")).isDisplayed()).isFalse();
            assertThat(teacher.findElement(By.id("chat-readonly")).getText()).isEqualTo("观摩人员不能发言。");
            assertThat(teacher.findElement(By.id("controls-section")).isDisplayed()).isFalse();
        } finally {
            teacher.close();
            teacher.switchTo().window(teacherWindow);
        }
        // The observer has no tile on the consoles: they show classrooms.
        assertThat(rural.findElements(By.cssSelector("#videos figure.tile"))).hasSize(2);
    }

    @Test
    void speaksChineseByDefaultAndEnglishOnRequest() throws Exception {
        teacher.get(base(server.port()) + "/health");
        script(teacher, "localStorage.clear(); sessionStorage.clear();");

        teacher.get(base(server.port()) + "/console");
        waitFor(teacher).until(textToBe(By.id("notice"), "缺少令牌：请使用带 token 参数的链接打开控制台。"));
        assertThat(teacher.getTitle()).isEqualTo("同步课堂控制台");
        assertThat(teacher.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(teacher.findElement(By.id("hands-h")).getText()).isEqualTo("举手");

        // Not open yet and no classrooms to open it with: the page waits, in English.
        teacher.get(consoleUrl(server.port(), "qt-03-sync#1", token(Role.LEAD_TEACHER, "lesson:qt-03-sync#1"))
                + "&lang=en");
        waitFor(teacher).until(textToBe(By.id("notice"), "The room is not open yet; trying again shortly"));
        assertThat(teacher.getTitle()).isEqualTo("Synchronized classroom console");
        assertThat(teacher.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(teacher.findElement(By.id("link-status")).getText()).isEqualTo("Connected");
        assertThat(teacher.findElement(By.id("me")).getText()).startsWith("Lead teacher");

        click(teacher, By.id("lang-toggle"));
        waitFor(teacher).until(textToBe(By.id("link-status"), "已连接"));
        assertThat(teacher.findElement(By.id("hands-h")).getText()).isEqualTo("举手");

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base(server.port()) + "/console")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("referrer-policy")).hasValue("no-referrer");
    }

    private static void openTeacher(String room) {
        teacher.get(consoleUrl(server.port(), room, token(Role.LEAD_TEACHER, "lesson:" + room))
                + "&classrooms=" + enc(RURAL + "," + OTHER_RURAL) + "&title=" + enc("分数的意义"));
        waitFor(teacher).until(attributeToBe(By.id("lesson-state"), "data-lesson", "waiting"));
    }

    private static void openRural(String room) {
        rural.get(consoleUrl(ruralLink.port(), room, token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL)));
        waitFor(rural).until(attributeToBe(By.id("lesson-state"), "data-lesson", "waiting"));
        waitFor(teacher).until(presenceOfElementLocated(By.cssSelector("#videos figure.tile[data-classroom='" + RURAL + "']")));
    }

    /** Video frames decoded from the peer speaking for {@code classroom} (null: the lead teacher, who names none). */
    @SuppressWarnings("unchecked")
    private static long framesDecodedFrom(ChromeDriver browser, String classroom) {
        Map<String, Object> peers = (Map<String, Object>) state(browser).get("peers");
        return peers.values().stream().map(p -> (Map<String, Object>) p)
                .filter(p -> classroom == null ? p.get("classroom") == null : classroom.equals(p.get("classroom")))
                .mapToLong(p -> ((Number) p.get("framesDecoded")).longValue()).sum();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(ChromeDriver browser) {
        Object state = script(browser, "return window.__console ? window.__console.state() : null");
        return state == null ? Map.of("peers", Map.of()) : (Map<String, Object>) state;
    }

    private static Object script(ChromeDriver browser, String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private static void click(ChromeDriver browser, By by) {
        waitFor(browser).until(elementToBeClickable(by)).click();
    }

    /** For a person to look at after the run: target/console-*.png. */
    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    private static String token(Role role, String scope) {
        return ISSUER.issue(role, Scope.parse(scope), null, Duration.ofHours(1));
    }

    private static String consoleUrl(int port, String room, String token) {
        return base(port) + "/console?room=" + enc(room) + "&token=" + enc(token);
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static ChromeDriver chromium(String who) {
        return HeadlessChromium.start(dir.resolve("chromium-" + who), HeadlessChromium.FAKE_MEDIA);
    }

}
