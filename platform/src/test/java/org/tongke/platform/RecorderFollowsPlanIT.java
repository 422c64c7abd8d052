package org.tongke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.county.Community;
import org.tongke.config.county.County;
import org.tongke.config.testing.LocalRedis;
import org.tongke.config.validate.CountyValidator;
import org.tongke.platform.demo.DemoTimetable;
import org.tongke.platform.recorder.LessonPlanSetup;
import org.tongke.platform.signaling.InProcessPlanEvents;
import org.tongke.recorder.archive.ArchiveSettings;
import org.tongke.recorder.jobs.RedisJobQueue;
import org.tongke.recorder.library.LibraryExtension;
import org.tongke.recorder.server.RecorderOptions;
import org.tongke.recorder.server.RecorderServer;
import org.tongke.scheduler.api.PlanPublisher;
import org.tongke.scheduler.api.RedisPlanPublisher;
import org.tongke.scheduler.api.SchedulerServer;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Plan;

/**
 * The recorder follows the plan a real scheduler publishes, without a restart: the scheduler
 * moves the county's lessons two hours later and adds one, the plan-published event reaches the
 * recorder (in process as in the demo, over Redis for {@code recorder serve --scheduler --redis}),
 * and its report plans and its lesson lookup finds from the new plan.
 */
class RecorderFollowsPlanIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZonedDateTime FIRST = ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private County county;
    private Plan first;
    private Plan later;
    private byte[] secret;
    private String staff;

    @BeforeEach
    void plans() throws Exception {
        county = CountyValidator.validate(PlatformJar.SAMPLE).orThrow();
        DemoTimetable timetable = new DemoTimetable(county);
        first = timetable.plan(2, FIRST, Duration.ofMinutes(40), Duration.ofHours(1));
        later = timetable.plan(3, FIRST.plusHours(2), Duration.ofMinutes(40), Duration.ofHours(1));
        assertThat(later.occurrences().subList(0, 2)).extracting(Occurrence::id)
                .as("the same lessons, moved").containsExactlyElementsOf(first.occurrences().stream().map(Occurrence::id).toList());
        Path secretFile = dir.resolve("secret");
        Files.writeString(secretFile, "platform-it-secret-that-is-long-enough-for-hs256\n");
        secret = Secrets.read(secretFile);
        staff = new TokenIssuer(secret, Clock.systemUTC()).issue(Role.STAFF, new Scope(Scope.Type.COUNTY, county.id()),
                "signaling-test", Duration.ofHours(1));
    }

    @Test
    void inProcessTheRecorderTakesEachPublishedPlanAndKeepsItsPlanWhenTheSchedulerCannotGiveOne() throws Exception {
        PlanPublisher.InProcess publisher = new PlanPublisher.InProcess();
        SchedulerServer scheduler = SchedulerServer.start(county, 0, dir.resolve("plans/plan.json"), publisher, first,
                false);
        LessonPlanSetup plan = LessonPlanSetup.start(county, null, URI.create("http://127.0.0.1:" + scheduler.port()),
                null, Clock.systemUTC());
        InProcessPlanEvents.connect(publisher, plan.reloads());
        boolean schedulerStopped = false;
        Path library = dir.resolve("library");
        try (plan; RecorderServer recorder = RecorderServer.start(new RecorderOptions(0, null, library, null,
                        Duration.ofMinutes(5), 1, RedisJobQueue.DEFAULT_STALE_AFTER, ArchiveSettings.defaults()),
                new TokenVerifier(secret, Clock.systemUTC()), Clock.systemUTC(),
                new LibraryExtension(plan.lessons(), plan.reloads()::status, library, secret, Clock.systemUTC()))) {
            String base = "http://127.0.0.1:" + recorder.port();
            assertFollows(base, first, 1);
            Occurrence added = later.occurrences().get(2);
            assertThat(held(base, added)).as("a lesson of no plan yet").isEqualTo(404);

            scheduler.store().publish(later, "two lessons moved, one added");

            awaitPlan(base, p -> p.path("version").asLong() == 2);
            assertFollows(base, later, 2);
            assertThat(held(base, added)).isEqualTo(201);

            scheduler.close();
            schedulerStopped = true;
            plan.reloads().planPublished(county.id(), 3);

            JsonNode failed = awaitPlan(base, p -> p.path("failures").asLong() == 1);
            assertThat(failed.path("version").asLong()).as("the plan in force stays").isEqualTo(2);
            assertThat(failed.path("lastFailure").asText()).contains("/api/plan?parts=occurrences,research");
            assertFollows(base, later, 2);
            assertThat(metrics(base)).contains("tongke_recorder_plan_loads_total 2", "tongke_recorder_plan_failures_total 1",
                    "tongke_recorder_plan_version 2");
        } finally {
            if (!schedulerStopped) {
                scheduler.close();
            }
        }
    }

    @Test
    void recorderServeFollowsTheSchedulerOverRedis() throws Exception {
        try (LocalRedis redis = LocalRedis.start(); RedisPlanPublisher publisher = new RedisPlanPublisher(redis.uri())) {
            SchedulerServer scheduler = SchedulerServer.start(county, 0, dir.resolve("plans/plan.json"), publisher, first,
                    false);
            try (PlatformJar.Running serve = PlatformJar.start("recorder", "serve", "--port", "0", "--library",
                    dir.resolve("library").toString(), "--secret-file", dir.resolve("secret").toString(), "--config",
                    PlatformJar.SAMPLE.toString(), "--scheduler", "http://127.0.0.1:" + scheduler.port(), "--redis",
                    redis.uri())) {
                int port = Integer.parseInt(serve.awaitLine("Recorder listening on http://127.0.0.1:(\\d+)", 60).group(1));
                String base = "http://127.0.0.1:" + port;
                assertFollows(base, first, 1);

                scheduler.store().publish(later, "two lessons moved, one added");

                awaitPlan(base, p -> p.path("version").asLong() == 2);
                assertFollows(base, later, 2);
                assertThat(held(base, later.occurrences().get(2))).isEqualTo(201);
                assertThat(serve.stop(30)).as(serve.err()).isIn(0, 143);
            } finally {
                scheduler.close();
            }
        }
    }

    /** Health shows the plan's version, and the report plans every pairing's lessons of that plan. */
    private void assertFollows(String base, Plan plan, long version) throws Exception {
        JsonNode health = JSON.readTree(get(base, "/health").body());
        assertThat(health.path("plan").path("version").asLong()).isEqualTo(version);
        assertThat(health.path("plan").path("source").asText()).startsWith("scheduler http://127.0.0.1:");
        assertThat(health.path("plan").path("loadedAt").asText()).isNotBlank();
        LocalDate date = FIRST.toLocalDate();
        JsonNode report = JSON.readTree(get(base, "/api/report/delivered?from=" + date + "&to=" + date).body());
        int planned = 0;
        for (JsonNode pairing : report.path("pairings")) {
            planned += pairing.path("plannedLessons").asInt();
        }
        assertThat(planned).isEqualTo(pairingLessons(plan)).isPositive();
    }

    /** What the report counts: each lesson once per receiving school of the host's community. */
    private int pairingLessons(Plan plan) {
        int count = 0;
        for (Occurrence o : plan.occurrences()) {
            for (Community community : county.communities()) {
                if (community.core().equals(o.host().school())) {
                    count += (int) o.receivers().stream().map(Participant::school).distinct()
                            .filter(community.members()::contains).count();
                }
            }
        }
        return count;
    }

    private JsonNode awaitPlan(String base, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode plan;
        do {
            plan = JSON.readTree(get(base, "/health").body()).path("plan");
            if (done.test(plan)) {
                return plan;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the recorder's plan did not change in 20 s: " + plan);
    }

    /** The signaling server's report that {@code lesson} ran: the recorder looks the lesson up in its plan. */
    private int held(String base, Occurrence lesson) throws Exception {
        String body = "{\"type\":\"held-lesson\",\"version\":1,\"startedAt\":\"2026-11-24T10:00:00+08:00\","
                + "\"endedAt\":\"2026-11-24T10:40:00+08:00\",\"ending\":\"ended\",\"node\":\"sig-a\",\"classrooms\":"
                + "[{\"classroom\":\"" + lesson.host().school() + "/" + lesson.host().classroom() + "\",\"host\":true}]}";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/lessons/"
                        + URLEncoder.encode(lesson.id(), StandardCharsets.UTF_8) + "/held"))
                .header("Authorization", "Bearer " + staff).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String metrics(String base) throws Exception {
        return get(base, "/metrics").body();
    }

    private HttpResponse<String> get(String base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + staff)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
