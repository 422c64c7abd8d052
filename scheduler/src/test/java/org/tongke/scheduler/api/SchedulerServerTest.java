package org.tongke.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.County;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;

/** The service through real HTTP on a loopback port, with the tiny county. */
class SchedulerServerTest {
    @TempDir
    static Path dir;

    private static SchedulerServer server;
    private static County county;
    private static final List<PlanPublished> events = new ArrayList<>();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        TinyCounty tiny = TinyCounty.copyTo(dir.resolve("county"));
        tiny.edit("schools/zhenbu.yaml", "{start: \"13:40\", end: \"14:20\"}", "{start: \"13:30\", end: \"14:10\"}");
        county = CountyValidator.validate(tiny.dir()).orThrow();
        PlanPublisher.InProcess publisher = new PlanPublisher.InProcess();
        publisher.subscribe(events::add);
        server = SchedulerServer.start(county, 0, dir.resolve("plans/plan.json"), publisher, null);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static synchronized void solvedAndPublished() throws Exception {
        if (server.store().current().isPresent()) {
            return;
        }
        HttpResponse<String> started = post("/api/solve", "{\"seconds\": 3}");
        assertThat(started.statusCode()).isEqualTo(202);
        String id = json.readTree(started.body()).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job;
        do {
            Thread.sleep(200);
            job = json.readTree(get("/api/jobs/" + id).body());
        } while (!job.path("state").asText().matches("done|failed|stopped") && System.nanoTime() < deadline);
        assertThat(job.path("state").asText()).isEqualTo("done");
        assertThat(job.path("published").asBoolean()).isTrue();
        assertThat(org.tongke.scheduler.check.PlanChecker.check(county, server.store().current().orElseThrow())).isEmpty();
    }

    @Test
    void solvesAsAJobAndServesThePlanWholeAndPerSchool() throws Exception {
        solvedAndPublished();

        JsonNode whole = json.readTree(get("/api/plan").body());
        JsonNode school = json.readTree(get("/api/plan?school=zhenbu").body());
        JsonNode teacher = json.readTree(get("/api/plan?school=chengxi&teacher=wang-fang").body());

        assertThat(whole.path("plan").path("weekly").size()).isEqualTo(2);
        assertThat(school.path("plan").path("weekly").size()).isEqualTo(2);
        assertThat(teacher.path("plan").path("weekly").size()).isEqualTo(1);
        assertThat(teacher.path("plan").path("weekly").get(0).path("subject").asText()).isEqualTo("数学");
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).changedWeekly()).containsExactlyInAnyOrder("c1-math#1", "c1-music#1");
        assertThat(dir.resolve("plans/plan.json")).exists();
    }

    @Test
    void answersComplianceAndEachLessonsScore() throws Exception {
        solvedAndPublished();

        JsonNode compliance = json.readTree(get("/api/compliance").body());
        JsonNode score = json.readTree(get("/api/lessons/c1-math%231/score").body());

        assertThat(compliance.get(0).path("supporting").asText()).isEqualTo("chengxi");
        assertThat(score.path("parts").size()).isEqualTo(3);
        assertThat(score.path("weekly").asText()).isEqualTo("c1-math#1");
    }

    @Test
    void recordsAnAbsenceAndAnswersWhatMoved() throws Exception {
        solvedAndPublished();

        HttpResponse<String> answer = post("/api/absences", "{\"kind\": \"teacher\", \"school\": \"chengxi\","
                + " \"id\": \"wang-fang\", \"from\": \"2021-11-22\", \"to\": \"2021-11-26\", \"reason\": \"外出培训\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode changes = json.readTree(answer.body()).path("changes");
        assertThat(changes.size()).isEqualTo(1);
        assertThat(changes.get(0).path("reason").asText()).contains("王芳 (城西小学) is away: 外出培训");
        assertThat(json.readTree(get("/api/absences").body()).size()).isEqualTo(1);

        // A new solve keeps the absence: the teacher's lesson that week is still not on the absent days.
        HttpResponse<String> again = post("/api/solve", "{\"seconds\": 2}");
        String id = json.readTree(again.body()).path("id").asText();
        JsonNode job;
        do {
            Thread.sleep(200);
            job = json.readTree(get("/api/jobs/" + id).body());
        } while (!job.path("state").asText().matches("done|failed|stopped"));
        assertThat(server.store().current().orElseThrow().occurrences()).noneMatch(o -> "wang-fang".equals(o.host().teacher())
                && !o.date().isBefore(java.time.LocalDate.of(2021, 11, 22)) && !o.date().isAfter(java.time.LocalDate.of(2021, 11, 26)));
    }

    @Test
    void refusesAnAbsenceOfSomeoneTheSchoolDoesNotHave() throws Exception {
        solvedAndPublished();
        int before = server.store().version();

        HttpResponse<String> answer = post("/api/absences", "{\"kind\": \"teacher\", \"school\": \"chengxi\","
                + " \"id\": \"nobody\", \"from\": \"2021-11-22\", \"to\": \"2021-11-26\"}");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(json.readTree(answer.body()).path("error").path("message").asText())
                .isEqualTo("no teacher 'nobody' at school 'chengxi'");
        assertThat(server.store().version()).isEqualTo(before);
    }

    @Test
    void aSolveStoppedWhileItWaitsPublishesNothing() throws Exception {
        solvedAndPublished();
        String first = json.readTree(post("/api/solve", "{\"seconds\": 3}").body()).path("id").asText();
        String queued = json.readTree(post("/api/solve", "{\"seconds\": 3}").body()).path("id").asText();
        http.send(HttpRequest.newBuilder(uri("/api/jobs/" + queued)).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        JsonNode job;
        do {
            Thread.sleep(200);
            job = json.readTree(get("/api/jobs/" + queued).body());
        } while (!job.path("state").asText().matches("done|failed|stopped"));

        assertThat(job.path("state").asText()).isEqualTo("stopped");
        assertThat(job.path("published").asBoolean()).isFalse();
        assertThat(json.readTree(get("/api/jobs/" + first).body()).path("state").asText()).isIn("running", "done");
    }

    @Test
    void aMoveThatBreaksARuleIsAnsweredAndNotSaved() throws Exception {
        solvedAndPublished();
        int before = server.store().version();

        HttpResponse<String> answer = post("/api/moves", "{\"weekly\": \"c1-math#1\", \"day\": \"monday\", \"start\": \"13:30\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("accepted").asBoolean()).isFalse();
        assertThat(body.path("saved").asBoolean()).isFalse();
        assertThat(body.path("conflicts").get(0).asText()).isEqualTo("四年级(1)班 of 城西小学 has 音乐 then");
        assertThat(server.store().version()).isEqualTo(before);
    }

    @Test
    void refusesBadRequestsWithACodeAndAMessage() throws Exception {
        HttpResponse<String> badJson = post("/api/solve", "{\"seconds\": ");
        HttpResponse<String> badSeconds = post("/api/solve", "{\"seconds\": 100000}");
        HttpResponse<String> unknownJob = get("/api/jobs/job-999");
        HttpResponse<String> unknownSchool = get("/api/plan?school=nowhere");
        HttpResponse<String> tooLarge = post("/api/moves", "{\"weekly\": \"" + "x".repeat(100_000) + "\"}");
        HttpResponse<String> missingFields = post("/api/moves", "{\"weekly\": \"c1-math#1\"}");

        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badJson.body()).path("error").path("code").asText()).isEqualTo("bad-request");
        assertThat(badSeconds.statusCode()).isEqualTo(400);
        assertThat(unknownJob.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknownJob.body()).path("error").path("message").asText()).isEqualTo("no job 'job-999'");
        assertThat(unknownSchool.statusCode()).isIn(404, 409);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(missingFields.statusCode()).isEqualTo(400);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheCountysNamesTheTimesALessonFitsAndChosenPartsOfThePlan() throws Exception {
        solvedAndPublished();

        JsonNode county = json.readTree(get("/api/county").body());
        JsonNode slots = json.readTree(get("/api/lessons/c1-math%231/slots").body());
        JsonNode parts = json.readTree(get("/api/plan?parts=weekly,compliance").body()).path("plan");
        HttpResponse<String> badParts = get("/api/plan?parts=weekly,everything");

        assertThat(county.path("name").asText()).isEqualTo("测试县");
        assertThat(county.path("communities").get(0).path("type").asText()).isEqualTo("co-built");
        assertThat(county.path("schools").findValuesAsText("name")).contains("城西小学", "祯埠镇小", "王芳");
        assertThat(slots.path("monday").get(0).asText()).isEqualTo("13:30");
        assertThat(slots.size()).isEqualTo(5);
        assertThat(parts.path("weekly").size()).isEqualTo(2);
        assertThat(parts.path("occurrences").size()).isZero();
        assertThat(badParts.statusCode()).isEqualTo(400);
    }

    @Test
    void servesEachSchoolsCalendarFeed() throws Exception {
        solvedAndPublished();

        HttpResponse<String> feed = get("/api/ical/school/zhenbu.ics");
        HttpResponse<String> unknown = get("/api/ical/school/nowhere.ics");

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("TZID=Asia/Shanghai").contains("UID:c1-math#1@");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("error").path("message").asText()).contains("nowhere");
    }

    @Test
    void exposesHealthAndPrometheusMetrics() throws Exception {
        solvedAndPublished();
        get("/api/plan");

        HttpResponse<String> health = get("/health");
        HttpResponse<String> metrics = get("/metrics");

        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");
        assertThat(metrics.body()).contains("tongke_http_requests_total{route=\"/api/plan\",status=\"200\"}")
                .contains("tongke_scheduler_plan_version ");
    }
}
