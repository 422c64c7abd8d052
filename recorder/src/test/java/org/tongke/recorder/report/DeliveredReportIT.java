package org.tongke.recorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.Role;
import org.tongke.recorder.catalog.ArchivedLesson;
import org.tongke.recorder.catalog.LessonDirectory;
import org.tongke.recorder.held.HeldLessonJson;
import org.tongke.recorder.held.HeldLessonJsonTest;
import org.tongke.recorder.held.HeldLessons;
import org.tongke.recorder.resource.ResourceLimits;
import org.tongke.recorder.testing.LibraryServer;
import org.tongke.recorder.testing.TestDatabases;
import org.tongke.recorder.testing.TinyPlan;

/**
 * The delivered-lesson report over HTTP, as JSON and as CSV for Excel: a lesson is delivered when
 * archived or held live, counted once.
 */
class DeliveredReportIT {
    @TempDir
    static Path dir;

    private static LibraryServer server;
    private static String staff;

    @BeforeAll
    static void start() throws Exception {
        LessonDirectory directory = TinyPlan.directory(dir.resolve("county"));
        server = LibraryServer.start(dir, directory, TestDatabases.h2(), ResourceLimits.DEFAULTS);
        for (String lesson : List.of("c1-math#1@2021-09-06", "c1-music#1@2021-09-13", "c1-research-math#1")) {
            server.catalog().publish(new ArchivedLesson(lesson, "chengxi/lubo", 2400, 640, 360, null, null,
                    "lessons/x/master.m3u8", 1, Instant.now()), directory.describe(lesson, "chengxi/lubo"));
        }
        // Recorded in both rooms: still one delivered lesson.
        server.catalog().publish(new ArchivedLesson("c1-math#1@2021-09-06", "zhenbu/lubo", 2400, 640, 360, null, null,
                "lessons/y/master.m3u8", 1, Instant.now()), directory.describe("c1-math#1@2021-09-06", "zhenbu/lubo"));
        // Held live: one lesson without any recording, one that was archived too (counted once).
        HeldLessons held = new HeldLessons(server.catalog().dataSource(), server.clock());
        for (String lesson : List.of("c1-math#1@2021-09-13", "c1-math#1@2021-09-06")) {
            held.record(HeldLessonJson.read(lesson, HeldLessonJsonTest.BODY), "signaling-test");
        }
        staff = server.token(Role.STAFF, "bureau");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void countsPlannedAndDeliveredLessonsArchivedOrHeldLivePerPairingAndSubjectAgainstTheTargets() throws Exception {
        JsonObject report = new JsonObject(get("/api/report/delivered").body());

        assertThat(report.getString("type")).isEqualTo("delivered-report");
        assertThat(report.getString("from")).isEqualTo("2021-09-06");
        assertThat(report.getString("to")).isEqualTo("2021-09-21");
        JsonObject pairing = report.getJsonArray("pairings").getJsonObject(0);
        assertThat(pairing.getString("supportingName")).isEqualTo("城西小学");
        assertThat(pairing.getString("receivingName")).isEqualTo("祯埠镇小");
        assertThat(pairing.getJsonArray("subjects").encode()).isEqualTo(
                "[{\"subject\":\"数学\",\"planned\":2,\"delivered\":2,\"archived\":1,\"heldWithoutArchive\":1},"
                        + "{\"subject\":\"音乐\",\"planned\":2,\"delivered\":1,\"archived\":1,\"heldWithoutArchive\":0}]");
        assertThat(pairing.getInteger("plannedLessons")).isEqualTo(4);
        assertThat(pairing.getInteger("deliveredLessons")).isEqualTo(3);
        assertThat(pairing.getInteger("archivedLessons")).isEqualTo(2);
        assertThat(pairing.getInteger("heldWithoutArchiveLessons")).isEqualTo(1);
        assertThat(pairing.getInteger("deliveredSubjects")).isEqualTo(2);
        assertThat(pairing.getInteger("plannedOnlineResearch")).isEqualTo(1);
        assertThat(pairing.getInteger("deliveredOnlineResearch")).isEqualTo(1);
        assertThat(pairing.getInteger("plannedOfflineResearch")).isEqualTo(1);
        assertThat(pairing.getInteger("deliveredOfflineResearch")).isZero();
        assertThat(pairing.getJsonObject("targets").getInteger("syncLessons")).isEqualTo(20);
        assertThat(pairing.getJsonArray("below").getList())
                .containsExactly("syncLessons", "onlineResearch", "offlineResearch");
    }

    @Test
    void limitsTheReportToATerm() throws Exception {
        JsonObject report = new JsonObject(get("/api/report/delivered?from=2021-09-10&to=2021-09-30").body());

        JsonObject pairing = report.getJsonArray("pairings").getJsonObject(0);
        assertThat(pairing.getInteger("plannedLessons")).isEqualTo(2);
        assertThat(pairing.getInteger("deliveredLessons")).isEqualTo(2);
        assertThat(pairing.getInteger("heldWithoutArchiveLessons")).isEqualTo(1);
        assertThat(pairing.getInteger("deliveredSubjects")).isEqualTo(2);
        assertThat(get("/api/report/delivered?from=2021-09-30&to=2021-09-01").statusCode()).isEqualTo(400);
    }

    @Test
    void writesACsvThatExcelOpensInChinese() throws Exception {
        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.base() + "/api/report/delivered?format=csv")).header("Authorization", "Bearer " + staff)
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type")).contains("text/csv; charset=utf-8");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("教共体,类型,支援校,受援校,学科,计划同步课,实开同步课,其中有录像,其中仅直播无录像,"
                + "目标同步课");
        assertThat(lines).contains("城西小学—祯埠镇小共建型教共体,co-built,城西小学,祯埠镇小,数学,2,2,1,1,,,,,,,,,",
                "城西小学—祯埠镇小共建型教共体,co-built,城西小学,祯埠镇小,合计（2 门学科）,4,3,2,1,20,2,1,1,8,1,0,4,"
                        + "syncLessons onlineResearch offlineResearch");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Authorization", "Bearer " + staff).build(), HttpResponse.BodyHandlers.ofString());
    }
}
