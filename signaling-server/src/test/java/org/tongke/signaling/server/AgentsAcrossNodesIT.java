package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.plan.RedisPlanEvents;
import org.tongke.signaling.schedule.TestPlans;

/**
 * Classroom agents across two signaling nodes in JVMs of their own on one real redis-server: an
 * agent on node B seen, commanded and re-scheduled from node A, then offline on node A once it
 * leaves, and once node B is killed.
 */
class AgentsAcrossNodesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofMillis(ClusterNodes.LEASE_MILLIS * 2 + 2000);

    private final TokenIssuer issuer = new TokenIssuer(SignalingServerIT.SECRET, Clock.systemUTC());
    /** A county and a school of this test alone: under bin/test every test shares one Redis. */
    private final String suffix = Long.toString(System.nanoTime());
    private final String county = "tiny" + suffix;
    private final String rural = "zhenbu" + suffix + "/lubo";
    private final LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
    private ClusterNodes cluster;
    private Path plan;

    @BeforeEach
    void start() throws Exception {
        cluster = ClusterNodes.start(suffix);
        plan = Files.createTempFile("plan", ".json");
        writePlan("c1-math#1");
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
        Files.deleteIfExists(plan);
    }

    /** The tiny county's plan with these weekly lessons tomorrow, under this test's county and rural school. */
    private void writePlan(String... weekly) throws Exception {
        List<String> lessons = java.util.Arrays.stream(weekly)
                .map(w -> TestPlans.occurrence(w, tomorrow.toString(), "14:00", "14:40")).toList();
        Files.writeString(plan, TestPlans.file(lessons).replace("\"county\":\"tiny\"", "\"county\":\"" + county + "\"")
                .replace("\"school\":\"zhenbu\"", "\"school\":\"zhenbu" + suffix + "\""));
    }

    private String token(Role role, String scope) {
        return issuer.issue(role, Scope.parse(scope), null, Duration.ofHours(1));
    }

    private JsonNode classroom(int port) throws Exception {
        HttpResponse<String> answer = AgentsWorld.get(port, "/api/classrooms", token(Role.STAFF, "county:" + county));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return ClassroomAgentsIT.find(JSON.readTree(answer.body()), rural);
    }

    /** Node {@code port}'s metrics once they contain {@code line}, at most {@link #WITHIN}. */
    private static String metricsEventually(int port, String line) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        String seen = AgentsWorld.get(port, "/metrics", null).body();
        while (!seen.contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = AgentsWorld.get(port, "/metrics", null).body();
        }
        assertThat(seen).contains(line);
        return seen;
    }

    /** Asks node {@code port} for the rural classroom until it is as {@code wanted} says, at most {@link #WITHIN}. */
    private JsonNode eventually(int port, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        JsonNode seen = classroom(port);
        while (!wanted.test(seen) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = classroom(port);
        }
        assertThat(wanted.test(seen)).as("within %s: %s", WITHIN, seen).isTrue();
        return seen;
    }

    @Test
    void anAgentOnNodeBIsSeenAndCommandedFromNodeAAndShowsOfflineThereWhenItLeavesAndWhenNodeBIsKilled()
            throws Exception {
        int portA = cluster.node("a", plan);
        // Node B reads the plan a second or more after node A: on their own clocks they would number it apart.
        Thread.sleep(1000);
        int portB = cluster.node("b", plan);
        String agentToken = token(Role.CLASSROOM_AGENT, "classroom:" + rural);
        long onA;
        try (WsClient first = WsClient.welcomed(portA, agentToken)) {
            onA = first.next("schedule").path("version").asLong();
            first.send("schedule-ack", "\"version\":" + onA);
            first.leave();
        }
        try (WsClient staff = WsClient.welcomed(portA, token(Role.STAFF, "county:" + county));
                WsClient otherSchool = WsClient.welcomed(portA, token(Role.STAFF, "school:chengxi"))) {
            WsClient agent = WsClient.welcomed(portB, agentToken);
            long version = agent.next("schedule").path("version").asLong();
            assertThat(version).as("an agent moving from node A to node B gets the same lessons under the same version")
                    .isEqualTo(onA);
            agent.send("schedule-ack", "\"version\":" + version);
            agent.send("health", ClassroomAgentsIT.HEALTH);

            JsonNode online = eventually(portA, c -> c.path("acknowledgedVersion").asLong() == version
                    && c.path("health").path("backlog").path("files").asInt() == 3);
            assertThat(online.path("state").asText()).isEqualTo("online");
            assertThat(online.path("node").asText()).isEqualTo(cluster.nodeId("b"));
            assertThat(online.path("scheduleVersion").asLong()).isEqualTo(version);
            assertThat(online.path("schoolName").asText()).isEqualTo("祯埠镇小");
            assertThat(online.path("connectedAt").isNull()).isFalse();
            assertThat(metricsEventually(portA, "tongke_signaling_classrooms{state=\"online\"} 1"))
                    .as("node A counts the classroom whose agent is on node B")
                    .contains("tongke_signaling_classrooms{state=\"offline\"} 1");

            staff.send("agent-command", "\"classroom\":\"" + rural + "\",\"command\":\"start-now\",\"id\":\"c-1\","
                    + "\"minutes\":45,\"lesson\":null");
            JsonNode command = agent.next("command");
            assertThat(command.path("id").asText()).isEqualTo("c-1");
            assertThat(command.path("from").asText()).isEqualTo("county:" + county);
            agent.send("command-result", "\"id\":\"c-1\",\"ok\":true,\"message\":\"recording\"");
            JsonNode result = staff.next("command-result");
            assertThat(result.path("classroom").asText()).isEqualTo(rural);
            assertThat(result.path("ok").asBoolean()).isTrue();
            assertThat(result.path("message").asText()).isEqualTo("recording");
            otherSchool.send("agent-command", "\"classroom\":\"" + rural + "\",\"command\":\"status\",\"id\":\"c-2\"");
            assertThat(otherSchool.error()).isEqualTo("FORBIDDEN");
            staff.send("agent-command", "\"classroom\":\"" + rural + "\",\"command\":\"status\",\"id\":\"c-1\"");
            staff.send("agent-command", "\"classroom\":\"" + rural + "\",\"command\":\"status\",\"id\":\"c-1\"");
            assertThat(agent.next("command").path("command").asText()).isEqualTo("status");
            assertThat(staff.error()).as("node B refuses a second command of a waiting id, as for its own sessions")
                    .isEqualTo("BAD_MESSAGE");
            agent.send("command-result", "\"id\":\"c-1\",\"ok\":true,\"message\":\"idle\"");
            assertThat(staff.next("command-result").path("message").asText()).isEqualTo("idle");

            leadTeacherOnNodeACommandsTheAgentFromARoomHeldOnNodeB(portA, portB, agent);

            writePlan("c1-math#1", "c1-math#2");
            publishPlan();
            JsonNode changed = agent.next("schedule");
            assertThat(changed.path("lessons")).hasSize(2);
            long newer = changed.path("version").asLong();
            assertThat(newer).isGreaterThan(version);
            agent.send("schedule-ack", "\"version\":" + newer);
            agent.expectSilence(1000);
            JsonNode acked = eventually(portA, c -> c.path("acknowledgedVersion").asLong() == newer);
            assertThat(acked.path("scheduleVersion").asLong()).as("the version on the agent's node").isEqualTo(newer);

            agent.leave();
            JsonNode left = eventually(portA, c -> c.path("state").asText().equals("offline"));
            assertThat(Instant.parse(left.path("offlineSince").asText())).isAfter(
                    Instant.parse(online.path("connectedAt").asText()));
            assertThat(left.path("acknowledgedVersion").asLong()).isEqualTo(newer);
            staff.send("agent-command", "\"classroom\":\"" + rural + "\",\"command\":\"status\",\"id\":\"c-3\"");
            assertThat(staff.error()).isEqualTo("AGENT_OFFLINE");

            try (WsClient again = WsClient.welcomed(portB, agentToken)) {
                again.next("schedule");
                again.send("health", ClassroomAgentsIT.HEALTH);
                eventually(portA, c -> c.path("state").asText().equals("online"));

                long killed = System.nanoTime();
                cluster.process(1).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                JsonNode lost = eventually(portA, c -> c.path("state").asText().equals("offline"));
                assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(WITHIN);
                assertThat(lost.path("offlineSince").asText()).as("when it was last heard")
                        .isEqualTo(lost.path("lastHeartbeat").asText());
                assertThat(lost.path("health").path("backlog").path("files").asInt()).isEqualTo(3);
                staff.send("agent-command", "\"classroom\":\"" + rural + "\",\"command\":\"status\",\"id\":\"c-4\"");
                assertThat(staff.error()).isEqualTo("AGENT_OFFLINE");

                try (WsClient moved = WsClient.resumed(portA, agentToken, again.session(), again.lastSeq())) {
                    assertThat(moved.welcome().path("resumed").asBoolean()).isTrue();
                    assertThat(moved.next("schedule").path("version").asLong())
                            .as("node A sends the lessons node B sent, under node B's version").isEqualTo(newer);
                }
            }
        }
    }

    /** Staff on node B open a room with the rural classroom, so that B holds it; its lead teacher joins on A. */
    private void leadTeacherOnNodeACommandsTheAgentFromARoomHeldOnNodeB(int portA, int portB, WsClient agent)
            throws Exception {
        String room = "qt-sync#" + suffix;
        String inRoom = "\"room\":\"" + room + "\"";
        try (WsClient opener = WsClient.welcomed(portB, token(Role.STAFF, "county:" + county));
                WsClient teacher = WsClient.welcomed(portA, token(Role.LEAD_TEACHER, "lesson:" + room))) {
            teacher.send("agent-command", "\"classroom\":\"" + rural + "\",\"command\":\"status\",\"id\":\"t-0\"");
            assertThat(teacher.error()).as("not in a room with it yet").isEqualTo("FORBIDDEN");
            opener.send("open-room", inRoom + ",\"title\":\"分数的意义\",\"classrooms\":[\"" + rural + "\"]");
            opener.next("snapshot");
            teacher.send("join", inRoom);
            teacher.next("snapshot");
            teacher.send("chat", inRoom + ",\"text\":\"同学们好\"");
            teacher.change("chat");

            teacher.send("agent-command", "\"classroom\":\"" + rural + "\",\"command\":\"status\",\"id\":\"t-1\"");
            assertThat(agent.next("command").path("id").asText()).isEqualTo("t-1");
            agent.send("command-result", "\"id\":\"t-1\",\"ok\":true,\"message\":\"idle\"");
            assertThat(teacher.next("command-result").path("ok").asBoolean()).isTrue();
            teacher.send("agent-command", "\"classroom\":\"chengxi/lubo\",\"command\":\"status\",\"id\":\"t-2\"");
            assertThat(teacher.error()).as("a classroom the room does not list").isEqualTo("FORBIDDEN");
        }
    }

    private void publishPlan() {
        RedisClient client = RedisClient.create(cluster.redisUri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().publish(RedisPlanEvents.channel(county),
                    "{\"type\":\"plan-published\",\"formatVersion\":1,\"county\":\"" + county + "\",\"planVersion\":2,"
                            + "\"at\":\"2026-11-22T08:00:00Z\",\"cause\":\"test\",\"changedWeekly\":[],"
                            + "\"changedOccurrences\":[]}"))
                    .as("both nodes listen").isEqualTo(2L);
        } finally {
            client.shutdown();
        }
    }
}
