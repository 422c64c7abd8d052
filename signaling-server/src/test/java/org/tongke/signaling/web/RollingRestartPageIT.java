package org.tongke.signaling.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.testing.HeadlessChromium;
import org.tongke.signaling.server.ClusterNodes;

/**
 * The console page through a rolling restart: two signaling nodes in JVMs of their own on a real
 * redis-server; the lead teacher's page reaches node A through a relay standing in for the
 * county's load balancer, the rural room's page is on node B. Node A gets SIGTERM; the relay sends
 * new connections to node B, and the teacher's page resumes its session there by itself.
 */
class RollingRestartPageIT {
    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final String RURAL = "wuzhong/lubo";

    @TempDir
    Path dir;

    private final TokenIssuer issuer = new TokenIssuer(ClusterNodes.SECRET, Clock.systemUTC());
    /** Unique per test, as are the node ids: under bin/test every test shares one Redis. */
    private final String room = "qt-09-sync#" + System.nanoTime();
    private ClusterNodes cluster;
    private TcpProxy balancer;
    private ChromeDriver teacher;
    private ChromeDriver rural;

    @AfterEach
    void stop() throws Exception {
        for (WebDriver browser : new WebDriver[] {teacher, rural}) {
            if (browser != null) {
                browser.quit();
            }
        }
        if (balancer != null) {
            balancer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theTeachersPageResumesOnAnotherNodeWhenItsNodeStopsAndKeepsLeadingTheLesson() throws Exception {
        cluster = ClusterNodes.start(Integer.toString(Math.abs(room.hashCode())));
        int portA = cluster.node("a");
        int portB = cluster.node("b");
        balancer = TcpProxy.to(portA);
        teacher = HeadlessChromium.start(dir.resolve("chromium-teacher"), HeadlessChromium.FAKE_MEDIA);
        rural = HeadlessChromium.start(dir.resolve("chromium-rural"), HeadlessChromium.FAKE_MEDIA);

        teacher.get(consoleUrl(balancer.port(), token(Role.LEAD_TEACHER, "lesson:" + room))
                + "&classrooms=" + enc(RURAL) + "&title=" + enc("分数的意义"));
        waitFor(teacher).until(attributeToBe(By.id("lesson-state"), "data-lesson", "waiting"));
        rural.get(consoleUrl(portB, token(Role.ASSISTANT_TEACHER, "classroom:" + RURAL)));
        waitFor(rural).until(attributeToBe(By.id("lesson-state"), "data-lesson", "waiting"));
        By teacherTile = By.cssSelector("#videos figure.tile[data-role='lead-teacher']");
        waitFor(rural).until(presenceOfElementLocated(teacherTile));
        String session = (String) state(teacher).get("session");

        // Until the balancer notices, reconnects find nothing: the rural page sees the teacher away.
        balancer.block();
        cluster.process(0).destroy();
        assertThat(cluster.process(0).waitFor(10, TimeUnit.SECONDS)).isTrue();
        waitFor(rural).until(d -> d.findElement(teacherTile).getAttribute("class").contains("away"));
        balancer.retarget(portB);
        balancer.unblock();

        waitFor(teacher).until(attributeToBe(By.id("link-status"), "data-state", "resumed"));
        Map<String, Object> after = state(teacher);
        assertThat(after.get("session")).as("the same session, on node B").isEqualTo(session);
        assertThat(after.get("replay")).isEqualTo("snapshot");
        waitFor(rural).until(d -> !d.findElement(teacherTile).getAttribute("class").contains("away"));

        waitFor(teacher).until(elementToBeClickable(By.cssSelector(
                "#controls-rows tr[data-classroom='" + RURAL + "'] button[data-action='grant']"))).click();
        waitFor(rural).until(attributeToBe(By.id("floor-status"), "data-mine", "true"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(ChromeDriver browser) {
        Object state = ((JavascriptExecutor) browser).executeScript(
                "return window.__console ? window.__console.state() : null");
        return state == null ? Map.of() : (Map<String, Object>) state;
    }

    private static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    private String token(Role role, String scope) {
        return issuer.issue(role, Scope.parse(scope), null, Duration.ofHours(1));
    }

    private String consoleUrl(int port, String token) {
        return "http://127.0.0.1:" + port + "/console?room=" + enc(room) + "&token=" + enc(token);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
