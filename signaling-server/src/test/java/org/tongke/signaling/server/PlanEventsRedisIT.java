package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Role;
import org.tongke.config.testing.LocalRedis;
import org.tongke.config.plan.PlanReloads;
import org.tongke.signaling.schedule.LoadedPlan;
import org.tongke.signaling.schedule.TimetablePlans;
import org.tongke.config.plan.RedisPlanEvents;
import org.tongke.signaling.schedule.TestPlans;
import org.tongke.signaling.schedule.KnownClassroom;
import org.tongke.signaling.schedule.Timetable;

/**
 * The scheduler's change event on a real redis-server, then the new plan fetched over HTTP: the
 * agent gets its new schedule. The scheduler is another module; here a JDK HTTP server serves
 * what its {@code GET /api/plan} answers, and the test publishes its {@code plan-published} event.
 */
class PlanEventsRedisIT {
    private final AgentsWorld world = new AgentsWorld();
    private final AtomicReference<String> served = new AtomicReference<>();
    private final AtomicReference<String> asked = new AtomicReference<>();
    private LocalRedis redis;
    private HttpServer scheduler;
    private PlanReloads<LoadedPlan> reloads;
    private RedisPlanEvents events;
    private SignalingServer server;
    private RedisClient publisher;
    private StatefulRedisConnection<String, String> publishing;

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.start();
        scheduler = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        scheduler.createContext("/api/plan", exchange -> {
            asked.set(exchange.getRequestURI().getQuery());
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        scheduler.start();
        served.set(TestPlans.api(3, List.of(world.lessonToday("c1-math#1", "14:00", "14:40"))));
        Timetable timetable = new Timetable(world.clock, List.<KnownClassroom>copyOf(AgentsWorld.COUNTY));
        reloads = TimetablePlans.reloads(TimetablePlans.scheduler(URI.create("http://127.0.0.1:"
                + scheduler.getAddress().getPort() + "/")), timetable, world.clock);
        reloads.loadNow();
        events = RedisPlanEvents.subscribe(redis.uri(), TestPlans.COUNTY, reloads);
        server = world.start(timetable);
        server.service().plan(reloads::status);
        publisher = RedisClient.create(redis.uri());
        publishing = publisher.connect();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        publishing.close();
        publisher.shutdown();
        events.close();
        reloads.close();
        scheduler.stop(0);
        redis.close();
    }

    @Test
    void aPlanPublishedOnRedisBringsTheAgentItsNewSchedule() throws Exception {
        try (WsClient agent = WsClient.welcomed(server.port(), world.token(Role.CLASSROOM_AGENT,
                "classroom:" + AgentsWorld.RURAL))) {
            JsonNode before = agent.next("schedule");
            assertThat(before.path("lessons")).hasSize(1);

            served.set(TestPlans.api(4, List.of(world.lessonToday("c1-math#1", "14:00", "14:40"),
                    world.lessonToday("c1-math#2", "15:00", "15:40"))));
            publish("{\"type\":\"plan-published\",\"formatVersion\":1,\"county\":\"tiny\",\"planVersion\":4,"
                    + "\"at\":\"2026-11-22T08:00:00Z\",\"cause\":\"absence chengxi/wang-fang\",\"changedWeekly\":[],"
                    + "\"changedOccurrences\":[]}");

            JsonNode after = agent.next("schedule");
            assertThat(after.path("version").asLong()).isGreaterThan(before.path("version").asLong());
            assertThat(after.path("lessons")).hasSize(2);
            assertThat(after.path("lessons").get(1).path("lesson").asText()).isEqualTo("c1-math#2@" + world.today);
            assertThat(asked.get()).as("only the dated lessons are asked for").isEqualTo("parts=occurrences");
            assertThat(health()).as("staff see which plan the node serves")
                    .contains("\"plan\":{\"source\":", "\"version\":4,", "\"loads\":2,\"failures\":0}");
        }
    }

    private String health() throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void anEventOfAnotherCountyOrNoEventAtAllChangesNothing() throws Exception {
        try (WsClient agent = WsClient.welcomed(server.port(), world.token(Role.CLASSROOM_AGENT,
                "classroom:" + AgentsWorld.RURAL))) {
            agent.next("schedule");
            served.set(TestPlans.api(4, List.of()));

            publish("not json");
            publish("{\"type\":\"plan-published\",\"county\":\"tiny\"}");
            publishing.sync().publish(RedisPlanEvents.channel("elsewhere"),
                    "{\"type\":\"plan-published\",\"county\":\"elsewhere\",\"planVersion\":9}");

            agent.expectSilence(500);
        }
    }

    private void publish(String message) {
        assertThat(publishing.sync().publish(RedisPlanEvents.channel(TestPlans.COUNTY), message))
                .as("the server is subscribed").isEqualTo(1L);
    }
}
