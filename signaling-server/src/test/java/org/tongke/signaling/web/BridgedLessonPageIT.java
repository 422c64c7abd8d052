package org.tongke.signaling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.testing.HeadlessChromium;
import org.tongke.signaling.bridge.StandInBridge;
import org.tongke.signaling.server.ServerOptions;
import org.tongke.signaling.server.SignalingServer;

/**
 * A lesson of three classrooms through a bridge, with three console pages (windows of one headless
 * Chromium with a fake camera) and the stand-in bridge (it speaks REST Colibri2 like Jitsi
 * Videobridge but forwards no media, so what is checked is the signalling: the bridge's offers,
 * the consoles' answers reaching it, the forwarded tracks each console is given, and the fall back
 * to peer to peer, where real video flows again).
 */
class BridgedLessonPageIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] SECRET = "a-bridged-lesson-test-secret-of-more-than-32-bytes".getBytes(StandardCharsets.UTF_8);
    private static final TokenIssuer ISSUER = new TokenIssuer(SECRET, Clock.systemUTC());
    private static final String ROOM = "qt-02-dd#1";
    private static final String RURAL1 = "wuzhong/lubo";
    private static final String RURAL2 = "shankou/lubo";

    @TempDir
    static Path dir;
    private static StandInBridge bridge;
    private static SignalingServer server;
    private static ChromeDriver browser;
    private static String teacher;
    private static String rural1;
    private static String rural2;

    @BeforeAll
    static void start() throws Exception {
        bridge = new StandInBridge();
        server = SignalingServer.start(ServerOptions.defaults().withPort(0).withBridges(List.of(bridge.uri())),
                new TokenVerifier(SECRET, Clock.systemUTC()), Clock.systemUTC());
        browser = HeadlessChromium.start(dir.resolve("chromium"), List.of("--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream", "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"));
        teacher = browser.getWindowHandle();
        rural1 = browser.switchTo().newWindow(WindowType.WINDOW).getWindowHandle();
        rural2 = browser.switchTo().newWindow(WindowType.WINDOW).getWindowHandle();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void threeClassroomsGoThroughTheBridgeAndFallBackToPeerToPeerWhenNoBridgeIsLeft() throws Exception {
        open(teacher, token(Role.LEAD_TEACHER, "lesson:" + ROOM), "&classrooms=" + enc(RURAL1 + "," + RURAL2)
                + "&title=" + enc("三个教室的课"));
        open(rural1, token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL1), "");
        // Two classrooms: peer to peer, with real video.
        on(teacher).until(d -> "p2p".equals(state(teacher).get("media")) && framesDecoded(teacher) > 0);

        open(rural2, token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL2), "");
        for (String console : List.of(teacher, rural1, rural2)) {
            // Three: each console answers the bridge's offer and is given the other two rooms' tracks.
            on(console).until(d -> "bridge".equals(state(console).get("media"))
                    && forwarded(console).size() == 2
                    && forwarded(console).values().stream().allMatch(kinds -> kinds.equals(List.of("audio", "video"))));
        }
        on(teacher).until(d -> bridge.conferences().size() == 1 && bridge.conferences().values().iterator().next()
                .values().stream().filter(e -> e.consoleTransport() != null && e.sources().size() == 2).count() == 3);
        assertThat(state(teacher).get("peers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("bridge");

        // The bridge breaks; the third room comes back: no bridge can carry the lesson any more,
        // the room is told in words and falls back to peer to peer between all three.
        bridge.failWith(500);
        select(rural2).get("about:blank");
        on(teacher).until(d -> "p2p".equals(state(teacher).get("media")));
        open(rural2, token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL2), "");
        on(teacher).until(d -> select(teacher).findElement(By.id("notice")).getText().contains("没有可用的媒体服务器"));
        for (String console : List.of(teacher, rural1, rural2)) {
            on(console).until(d -> "p2p".equals(state(console).get("media")) && peersDecoding(console) == 2);
        }
    }

    private static void open(String window, String token, String extra) {
        select(window).get("http://127.0.0.1:" + server.port() + "/console?room=" + enc(ROOM) + "&token=" + enc(token)
                + extra);
        on(window).until(attributeToBe(By.id("lesson-state"), "data-lesson", "waiting"));
    }

    private static WebDriver select(String window) {
        return browser.switchTo().window(window);
    }

    private static WebDriverWait on(String window) {
        select(window);
        return new WebDriverWait(browser, WAIT, Duration.ofMillis(200));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(String window) {
        Object state = ((ChromeDriver) select(window)).executeScript("return window.__console ? window.__console.state() : null");
        return state == null ? Map.of("peers", Map.of(), "forwarded", Map.of()) : (Map<String, Object>) state;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> forwarded(String window) {
        return (Map<String, List<String>>) state(window).getOrDefault("forwarded", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static long framesDecoded(String window) {
        Map<String, Object> peers = (Map<String, Object>) state(window).get("peers");
        return peers.values().stream().mapToLong(p -> ((Number) ((Map<String, Object>) p).get("framesDecoded")).longValue())
                .sum();
    }

    @SuppressWarnings("unchecked")
    private static long peersDecoding(String window) {
        Map<String, Object> peers = (Map<String, Object>) state(window).get("peers");
        return peers.values().stream()
                .filter(p -> ((Number) ((Map<String, Object>) p).get("framesDecoded")).longValue() > 0).count();
    }

    private static String token(Role role, String scope) {
        return ISSUER.issue(role, Scope.parse(scope), null, Duration.ofHours(1));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
