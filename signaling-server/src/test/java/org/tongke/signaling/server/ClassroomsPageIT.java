package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tongke.config.testing.HeadlessChromium;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongke.config.auth.Role;

/**
 * The staff page of classrooms in a real headless Chromium (Debian's chromium and chromedriver):
 * an agent connects with a real WebSocket client and reports its health; the page shows it online
 * with its numbers, in Chinese by default and in English on request.
 */
class ClassroomsPageIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    private final AgentsWorld world = new AgentsWorld();
    private SignalingServer server;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start(dir.resolve("chromium-profile"), java.util.List.of());
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = world.start(world.timetable(world.lessonToday("c1-math#1", "14:00", "14:40")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebElement row(String classroom) {
        return wait.until(visibilityOfElementLocated(By.cssSelector("tr[data-classroom='" + classroom + "']")));
    }

    private String cell(String classroom, String column) {
        return row(classroom).findElement(By.className(column)).getText();
    }

    @Test
    void anAgentThatReportsHealthShowsOnlineWithItsNumbers() throws Exception {
        String staff = world.token(Role.STAFF, "county:tiny");
        try (WsClient agent = WsClient.welcomed(server.port(), world.token(Role.CLASSROOM_AGENT,
                "classroom:" + AgentsWorld.RURAL))) {
            long version = agent.next("schedule").path("version").asLong();
            agent.send("schedule-ack", "\"version\":" + version);
            agent.send("health", ClassroomAgentsIT.HEALTH);
            agent.assertAlive();

            browser.get("http://127.0.0.1:" + server.port() + "/classrooms#token=" + staff);

            wait.until(textToBePresentInElementLocated(By.cssSelector("tr[data-classroom='" + AgentsWorld.RURAL
                    + "'] .state"), "在线"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("录播教室");
            assertThat(cell(AgentsWorld.RURAL, "sources")).contains("teacher").contains("录制中").contains("25");
            assertThat(cell(AgentsWorld.RURAL, "disk")).isEqualTo("可用 52.0 GB / 共 64.0 GB");
            assertThat(cell(AgentsWorld.RURAL, "backlog")).isEqualTo("3 个文件，41.0 MB");
            assertThat(cell(AgentsWorld.RURAL, "clock")).isEqualTo("-42 ms");
            assertThat(cell(AgentsWorld.RURAL, "schedule")).isEqualTo(version + " / " + version);
            assertThat(cell(AgentsWorld.RURAL, "heartbeat")).endsWith("秒前");
            assertThat(row(AgentsWorld.RURAL).getText()).contains("祯埠镇小");
            assertThat(cell(AgentsWorld.HOST, "state")).isEqualTo("离线");
            assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token");

            browser.findElement(By.id("lang-toggle")).click();
            assertThat(cell(AgentsWorld.RURAL, "state")).isEqualTo("online");
            assertThat(cell(AgentsWorld.RURAL, "disk")).isEqualTo("52.0 GB free of 64.0 GB");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Recording classrooms");
            browser.findElement(By.id("lang-toggle")).click();
        }
    }

    @Test
    void theAgentGoingAwayShowsOnThePageWithoutReload() throws Exception {
        String staff = world.token(Role.STAFF, "county:tiny");
        WsClient agent = WsClient.welcomed(server.port(), world.token(Role.CLASSROOM_AGENT, "classroom:" + AgentsWorld.HOST));
        agent.next("schedule");
        browser.get("http://127.0.0.1:" + server.port() + "/classrooms?lang=en#token=" + staff);
        wait.until(textToBePresentInElementLocated(By.cssSelector("tr[data-classroom='" + AgentsWorld.HOST
                + "'] .state"), "online"));

        agent.close();

        wait.until(textToBePresentInElementLocated(By.cssSelector("tr[data-classroom='" + AgentsWorld.HOST
                + "'] .state"), "away"));
    }

    @Test
    void anAgentThatLeftShowsOfflineSinceWhenItLeft() throws Exception {
        String staff = world.token(Role.STAFF, "county:tiny");
        WsClient agent = WsClient.welcomed(server.port(), world.token(Role.CLASSROOM_AGENT, "classroom:" + AgentsWorld.HOST));
        agent.next("schedule");
        browser.get("http://127.0.0.1:" + server.port() + "/classrooms?lang=en#token=" + staff);
        wait.until(textToBePresentInElementLocated(By.cssSelector("tr[data-classroom='" + AgentsWorld.HOST
                + "'] .state"), "online"));

        agent.leave();

        wait.until(textToBePresentInElementLocated(By.cssSelector("tr[data-classroom='" + AgentsWorld.HOST
                + "'] .state"), "offline since "));
        assertThat(cell(AgentsWorld.RURAL, "state")).as("never seen: no time").isEqualTo("offline");
    }

    @Test
    void aTeachersTokenIsRefusedAndTheFormAsksForAnother() {
        String teacher = world.token(Role.LEAD_TEACHER, "classroom:" + AgentsWorld.HOST);
        browser.get("http://127.0.0.1:" + server.port() + "/classrooms?lang=zh#token=" + teacher);

        wait.until(visibilityOfElementLocated(By.id("login")));
        assertThat(wait.until(visibilityOfElementLocated(By.id("problem"))).getText())
                .isEqualTo("只有工作人员令牌可以查看录播教室。");
        assertThat(browser.findElement(By.id("classrooms")).isDisplayed()).isFalse();
    }


}
