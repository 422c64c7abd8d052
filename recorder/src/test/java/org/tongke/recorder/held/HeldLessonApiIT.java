package org.tongke.recorder.held;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.recorder.resource.ResourceLimits;
import org.tongke.recorder.testing.LibraryServer;
import org.tongke.recorder.testing.TestDatabases;
import org.tongke.recorder.testing.TinyPlan;

/** {@code POST /api/lessons/{lessonId}/held} over real HTTP: who may report, what is kept, what is refused. */
class HeldLessonApiIT {
    private static final String PATH = "/api/lessons/c1-math%231%402021-09-06/held";

    @TempDir
    Path dir;
    private LibraryServer server;
    private String countyStaff;

    @BeforeEach
    void start() throws Exception {
        server = LibraryServer.start(dir, TinyPlan.directory(dir.resolve("county")), TestDatabases.h2(), ResourceLimits.DEFAULTS);
        countyStaff = token(Role.STAFF, "county:tiny");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void storesAReportOnceAndALaterReportUpdatesIt() throws Exception {
        HttpResponse<String> first = post(PATH, countyStaff, HeldLessonJsonTest.BODY);
        HttpResponse<String> again = post(PATH, countyStaff, HeldLessonJsonTest.BODY);
        HttpResponse<String> later = post(PATH, countyStaff, HeldLessonJsonTest.BODY.replace("14:10:00", "14:12:00"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(new JsonObject(first.body()).getString("state")).isEqualTo("created");
        assertThat(new JsonObject(first.body()).getString("lesson")).isEqualTo("c1-math#1@2021-09-06");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(again.body()).getString("state")).isEqualTo("unchanged");
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(later.body()).getString("state")).isEqualTo("updated");
        HeldLessons store = new HeldLessons(server.catalog().dataSource(), server.clock());
        assertThat(store.lessonIds()).containsExactly("c1-math#1@2021-09-06");
        assertThat(store.find("c1-math#1@2021-09-06").orElseThrow().endedAt()).hasToString("2021-09-06T06:12:00Z");
    }

    @Test
    void refusesAnUnknownLessonMalformedJsonAndALessonEndedBeforeItStarted() throws Exception {
        HttpResponse<String> unknown = post("/api/lessons/c9-art%231%402021-09-06/held", countyStaff, HeldLessonJsonTest.BODY);
        HttpResponse<String> malformed = post(PATH, countyStaff, "{\"type\":\"held-lesson\",");
        HttpResponse<String> backwards = post(PATH, countyStaff, HeldLessonJsonTest.BODY.replace("14:10:00", "13:00:00"));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown)).isEqualTo("unknown-lesson");
        assertThat(new JsonObject(unknown.body()).getString("message")).contains("c9-art#1@2021-09-06");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(malformed.body()).getString("message")).startsWith("the body is not JSON");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(backwards.body()).getString("message")).contains("ended", "before it started");
        assertThat(new HeldLessons(server.catalog().dataSource(), server.clock()).lessonIds()).isEmpty();
    }

    @Test
    void onlyAStaffTokenOfTheCountyReports() throws Exception {
        String otherSecret = new TokenIssuer("another-secret-of-at-least-32-bytes-long!!".getBytes(StandardCharsets.UTF_8),
                server.clock()).issue(Role.STAFF, Scope.parse("county:tiny"), "intruder", Duration.ofHours(1));

        assertThat(post(PATH, null, HeldLessonJsonTest.BODY).statusCode()).isEqualTo(401);
        assertThat(post(PATH, otherSecret, HeldLessonJsonTest.BODY).statusCode()).isEqualTo(401);
        HttpResponse<String> agent = post(PATH, token(Role.CLASSROOM_AGENT, "classroom:zhenbu/lubo"), HeldLessonJsonTest.BODY);
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(agent.body()).getString("message")).contains("classroom-agent", "county:tiny");
        assertThat(post(PATH, token(Role.LEAD_TEACHER, "county:tiny"), HeldLessonJsonTest.BODY).statusCode()).isEqualTo(403);
        assertThat(post(PATH, token(Role.STAFF, "school:zhenbu"), HeldLessonJsonTest.BODY).statusCode()).isEqualTo(403);
        assertThat(post(PATH, token(Role.STAFF, "county:other"), HeldLessonJsonTest.BODY).statusCode()).isEqualTo(403);
        assertThat(new HeldLessons(server.catalog().dataSource(), server.clock()).lessonIds()).isEmpty();
    }

    private String token(Role role, String scope) {
        return new TokenIssuer(LibraryServer.SECRET, server.clock()).issue(role, Scope.parse(scope), "signaling-test",
                Duration.ofHours(1));
    }

    private static String error(HttpResponse<String> response) {
        return new JsonObject(response.body()).getString("error");
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
