package org.tongke.signaling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
 * to peer to peer, where real video flows again), and the bridge channel each console opens to the
 * stand-in's colibri WebSocket: the receiver constraints it sends, before and after the floor moves,
 * and its reopening after a drop.
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
    /** What nginx is in a deployment: one origin for the console and {@code /colibri-ws/}. */
    private static TcpProxy front;
    private static ChromeDriver browser;
    private static String teacher;
    private static String rural1;
    private static String rural2;

    @BeforeAll
    static void start() throws Exception {
        bridge = new StandInBridge();
        server = SignalingServer.start(ServerOptions.defaults().withPort(0).withBridges(List.of(bridge.uri())),
                new TokenVerifier(SECRET, Clock.systemUTC()), Clock.systemUTC());
        front = TcpProxy.routing(server.port(), "/colibri-ws/", bridge.channelPort());
        bridge.channelDomain("127.0.0.1:" + front.port());
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
        if (front != null) {
            front.close();
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

        theConsolesSendTheClassroomsPrioritiesOverTheirBridgeChannels();
        String teacherSession = session(teacher);
        String rural1Session = session(rural1);

        // The bridge breaks; the third room comes back: no bridge can carry the lesson any more,
        // the room is told in words and falls back to peer to peer between all three.
        bridge.failWith(500);
        select(rural2).get("about:blank");
        on(teacher).until(d -> "p2p".equals(state(teacher).get("media")));
        open(rural2, token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL2), "");
        on(teacher).until(d -> select(teacher).findElement(By.id("notice")).getText().contains("没有可用的媒体服务器"));
        for (String console : List.of(teacher, rural1, rural2)) {
            on(console).withMessage(() -> "peer to peer with video from two rooms, in " + console + ": "
                    + List.of(teacher, rural1, rural2).stream().map(w -> w + "=" + state(w).get("session") + " "
                    + state(w).get("peers")).toList())
                    .until(d -> "p2p".equals(state(console).get("media")) && peersDecoding(console) == 2);
        }
        // Back to peer to peer, the consoles closed their bridge channels and keep them closed.
        for (String console : List.of(teacher, rural1)) {
            assertThat(channel(console)).containsEntry("open", false).containsEntry("url", null);
        }
        assertThat(List.of(teacherSession, rural1Session)).noneMatch(bridge::channelOpen);
    }

    /**
     * Each rural console asks the bridge for the teacher at 720 and the others at 180, the teacher
     * for every room at 360; the floor moves a room to 720 for everyone; a wrong {@code pwd} is
     * refused; a dropped channel is opened again and says the same.
     */
    private void theConsolesSendTheClassroomsPrioritiesOverTheirBridgeChannels() {
        String t = session(teacher);
        String r1 = session(rural1);
        String r2 = session(rural2);
        String teacherVideo = t + "-v0";
        for (String rural : List.of(r1, r2)) {
            sent(rural, c -> height(c, teacherVideo) == 720 && defaultHeight(c) == 180
                    && c.path("onStageSources").toString().equals("[\"" + teacherVideo + "\"]"));
        }
        sent(t, c -> defaultHeight(c) == 360 && c.path("constraints").isEmpty()
                && c.path("lastN").asInt() == -1);
        for (String console : List.of(teacher, rural1, rural2)) {
            on(console).until(d -> Boolean.TRUE.equals(channel(console).get("hello")));
        }
        // What the bridge asks of each camera: the teacher's is seen at 720, a rural room's at most at 360.
        on(teacher).until(d -> Long.valueOf(720).equals(state(teacher).get("cameraCap")));
        on(rural1).until(d -> Long.valueOf(360).equals(state(rural1).get("cameraCap")));

        on(teacher).until(elementToBeClickable(By.cssSelector(
                "#controls-rows tr[data-classroom='" + RURAL1 + "'] button[data-action='grant']"))).click();
        String floorVideo = r1 + "-v0";
        for (String viewer : List.of(t, r2)) {
            sent(viewer, c -> height(c, floorVideo) == 720);
        }
        sent(r2, c -> height(c, teacherVideo) == 720 && defaultHeight(c) == 180);
        sent(r1, c -> height(c, teacherVideo) == 720
                && !c.path("constraints").has(floorVideo) && defaultHeight(c) == 180);
        on(rural1).until(d -> Long.valueOf(720).equals(state(rural1).get("cameraCap")));

        String url = (String) channel(rural2).get("url");
        int refusedBefore = bridge.channelsRefused();
        Object wrongPwd = ((ChromeDriver) select(rural2)).executeAsyncScript("""
                const [url, done] = arguments;
                const ws = new WebSocket(url.replace(/pwd=[^&]*/, 'pwd=wrong'));
                ws.onopen = () => done('opened');
                ws.onclose = () => done('refused');
                """, url);
        assertThat(wrongPwd).isEqualTo("refused");
        assertThat(bridge.channelsRefused()).isEqualTo(refusedBefore + 1);

        Map<String, Integer> sentBefore = Map.of(t, bridge.channelMessages(t).size(),
                r1, bridge.channelMessages(r1).size(), r2, bridge.channelMessages(r2).size());
        bridge.dropChannels();
        sentBefore.forEach((session, sent) -> on(teacher).withMessage(() -> "the bridge channel of " + session
                + " opened again and its constraints sent anew").until(d -> bridge.channelOpens(session) == 2
                && bridge.channelOpen(session) && bridge.channelMessages(session).size() > sent));
        assertThat(height(bridge.lastConstraints(r2), floorVideo)).isEqualTo(720);
        assertThat(height(bridge.lastConstraints(r2), teacherVideo)).isEqualTo(720);
    }

    /** Waits until the last constraints {@code session} sent the bridge pass {@code test}. */
    private static void sent(String session, Predicate<ObjectNode> test) {
        on(teacher).withMessage(() -> session + " sent " + bridge.channelMessages(session) + "; consoles' channels: "
                + List.of(teacher, rural1, rural2).stream().map(BridgedLessonPageIT::channel).toList())
                .until(d -> {
                    ObjectNode last = bridge.lastConstraints(session);
                    return last != null && test.test(last);
                });
    }

    private static int height(ObjectNode constraints, String source) {
        return constraints.path("constraints").path(source).path("maxHeight").asInt(-1);
    }

    private static int defaultHeight(ObjectNode constraints) {
        return constraints.path("defaultConstraints").path("maxHeight").asInt(-1);
    }

    private static String session(String window) {
        return (String) state(window).get("session");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> channel(String window) {
        Object channel = state(window).get("bridgeChannel");
        return channel == null ? Map.of() : (Map<String, Object>) channel;
    }

    private static void open(String window, String token, String extra) {
        select(window).get("http://127.0.0.1:" + front.port() + "/console?room=" + enc(ROOM) + "&token=" + enc(token)
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
