package org.tongke.recorder.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.Role;
import org.tongke.recorder.catalog.ArchivedLesson;
import org.tongke.recorder.catalog.CatalogEntry;
import org.tongke.recorder.resource.ResourceLimits;
import org.tongke.recorder.testing.Documents;
import org.tongke.recorder.testing.LessonFixtures;
import org.tongke.recorder.testing.LibraryServer;
import org.tongke.recorder.testing.Multipart;
import org.tongke.recorder.testing.TestDatabases;
import org.tongke.recorder.testing.TinyPlan;

/** The library's API over real HTTP against its routes on a Vert.x server of the test's own. */
class LibraryApiIT {
    private static final long LIMIT = 200 * 1024;

    @TempDir
    static Path dir;

    private static LibraryServer server;
    private static HttpClient http;
    private static CatalogEntry math;
    private static String teacher;

    @BeforeAll
    static void start() throws Exception {
        server = LibraryServer.start(dir, TinyPlan.directory(dir.resolve("county")), TestDatabases.h2(),
                new ResourceLimits(LIMIT));
        http = HttpClient.newHttpClient();
        ArchivedLesson archive = LessonFixtures.archive(LessonFixtures.math("2021-09-06"), "chengxi/lubo");
        Path lesson = server.folder().resolve(MediaUrlSigner.folderOf(archive.masterPlaylistPath()));
        Files.createDirectories(lesson.resolve("360p"));
        Files.writeString(lesson.resolve("master.m3u8"), "#EXTM3U\n360p/index.m3u8\n");
        Files.writeString(lesson.resolve("360p/index.m3u8"), "#EXTM3U\nseg000.ts\n");
        Files.write(lesson.resolve("360p/seg000.ts"), new byte[] {0x47, 1, 2, 3});
        Files.write(lesson.resolve("poster.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
        Files.writeString(server.folder().resolve("secret.txt"), "not for the web");
        math = server.catalog().publish(archive, LessonFixtures.math("2021-09-06"));
        teacher = server.token(Role.LEAD_TEACHER, "wang-fang");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void opensTheLibraryOnlyToStaffAndTeacherTokens() throws Exception {
        HttpResponse<String> none = get("/api/library/search", null);
        HttpResponse<String> agent = get("/api/library/search", server.token(Role.CLASSROOM_AGENT, "chengxi-rec1"));
        HttpResponse<String> forged = get("/api/library/search", teacher.substring(0, teacher.length() - 2) + "xx");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(none.body()).getString("error")).isEqualTo("unauthorized");
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(agent.body()).getString("message")).contains("classroom-agent");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(get("/api/library/search", teacher).statusCode()).isEqualTo(200);
        assertThat(get("/api/library/search", server.token(Role.STAFF, "bureau")).statusCode()).isEqualTo(200);
    }

    @Test
    void answersASearchWithSignedMediaUrlsThatServeTheLessonsFiles() throws Exception {
        JsonObject result = new JsonObject(get("/api/library/search?q=%E6%95%B0%E5%AD%A6", teacher).body());

        assertThat(result.getString("type")).isEqualTo("library-search");
        assertThat(result.getLong("total")).isEqualTo(1);
        JsonObject entry = result.getJsonArray("entries").getJsonObject(0);
        assertThat(entry.getString("title")).isEqualTo("四年级数学");
        String poster = entry.getJsonObject("media").getString("poster");
        String playlist = entry.getJsonObject("media").getString("playlist");
        assertThat(poster).startsWith("/media/");

        HttpResponse<byte[]> image = bytes(poster);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("content-type")).contains("image/jpeg");
        assertThat(bytes(playlist).statusCode()).isEqualTo(200);
        String segment = URI.create(server.base() + playlist).resolve("360p/seg000.ts").getPath();
        HttpResponse<byte[]> ts = bytes(segment);
        assertThat(ts.statusCode()).as("a segment named relative to the signed playlist").isEqualTo(200);
        assertThat(ts.headers().firstValue("content-type")).contains("video/mp2t");
        assertThat(result.getJsonObject("facets").getJsonArray("subject").getJsonObject(0).getString("value"))
                .isEqualTo("数学");
    }

    @Test
    void refusesTamperedExpiredAndEscapingMediaUrls() throws Exception {
        String poster = entryJson(math.id()).getJsonObject("media").getString("poster");
        String signature = poster.split("/")[2];
        String tampered = poster.replace(signature, signature.substring(0, signature.length() - 1)
                + (signature.endsWith("A") ? "B" : "A"));
        String playlist = entryJson(math.id()).getJsonObject("media").getString("playlist");
        String outside = URI.create(server.base() + playlist).resolve("../../../secret.txt").getPath();
        String encodedEscape = playlist.replace("master.m3u8", "%2e%2e/%2e%2e/%2e%2e/secret.txt");

        assertThat(bytes(tampered).statusCode()).isEqualTo(403);
        assertThat(bytes(poster.replace("poster.jpg", "other.jpg")).statusCode()).isEqualTo(403);
        assertThat(bytes(outside).statusCode()).as("outside the signed folder").isEqualTo(403);
        HttpResponse<byte[]> escape = bytes(encodedEscape);
        assertThat(escape.statusCode()).isEqualTo(400);
        assertThat(new String(escape.body())).doesNotContain("not for the web");

        server.clock().advance(Duration.ofHours(5));
        try {
            HttpResponse<byte[]> expired = bytes(poster);
            assertThat(expired.statusCode()).isEqualTo(403);
            assertThat(new JsonObject(new String(expired.body())).getString("message")).contains("expired");
        } finally {
            server.clock().advance(Duration.ofHours(-5));
        }
    }

    @Test
    void takesAPdfStudyGuideAttachedToALessonAndRendersItsFirstPage() throws Exception {
        Multipart form = new Multipart().field("title", "分数的初步认识导学单").field("kind", "study-guide")
                .field("attachTo", Long.toString(math.id())).file("导学单.pdf", Documents.pdf());

        HttpResponse<String> created = upload(form, teacher);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject resource = new JsonObject(created.body());
        assertThat(resource.getString("type")).isEqualTo("resource");
        assertThat(resource.getString("subject")).as("the lesson's metadata").isEqualTo("数学");
        assertThat(resource.getJsonObject("resource").getString("mediaType")).isEqualTo("application/pdf");
        HttpResponse<byte[]> preview = bytes(resource.getJsonObject("resource").getString("preview"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(preview.body()));
        assertThat(image.getWidth()).isBetween(100, 480);
        assertThat(image.getHeight()).isGreaterThan(image.getWidth());
        assertThat(bytes(resource.getJsonObject("resource").getString("file")).body()).startsWith("%PDF-".getBytes());

        JsonObject found = new JsonObject(get("/api/library/search?type=resource&q=%E5%AF%BC%E5%AD%A6%E5%8D%95&teacher="
                + "chengxi%2Fwang-fang", teacher).body());
        assertThat(found.getLong("total")).isEqualTo(1);
        assertThat(entryJson(math.id()).getJsonArray("attachments").getJsonObject(0).getString("title"))
                .isEqualTo("分数的初步认识导学单");
    }

    @Test
    void takesPowerPointAndWordFilesByTheirContentAndStandingAlone() throws Exception {
        HttpResponse<String> pptx = upload(new Multipart().field("title", "音乐课件").field("kind", "courseware")
                .field("school", "chengxi").field("teacher", "zhao-lei").field("subject", "音乐").field("grade", "4")
                .file("slides.bin", Documents.pptx()), teacher);
        HttpResponse<String> docx = upload(new Multipart().field("title", "教学设计").field("kind", "lesson-design")
                .field("lesson", "c1-music#1@2021-09-06").file("design.docx", Documents.docx()), teacher);

        assertThat(pptx.statusCode()).as(pptx.body()).isEqualTo(201);
        JsonObject slides = new JsonObject(pptx.body());
        assertThat(slides.getJsonObject("resource").getString("mediaType")).contains("presentationml");
        assertThat(slides.getJsonObject("resource").getString("preview")).isNull();
        assertThat(slides.getJsonObject("community").getString("id")).isEqualTo("c1");
        assertThat(slides.getJsonArray("rooms").getJsonObject(0).getString("teacherName")).isEqualTo("赵磊");
        assertThat(docx.statusCode()).as(docx.body()).isEqualTo(201);
        assertThat(new JsonObject(docx.body()).getString("kind")).isEqualTo("dedicated-delivery");
    }

    @Test
    void refusesTooBigAndWrongTypeFilesWithClearErrors() throws Exception {
        HttpResponse<String> big = upload(new Multipart().field("title", "大文件").field("kind", "exercise")
                .file("big.pdf", new byte[(int) LIMIT + 300 * 1024]), teacher);
        HttpResponse<String> text = upload(new Multipart().field("title", "练习").field("kind", "exercise")
                .file("exercise.pdf", "just text".getBytes()), teacher);
        HttpResponse<String> zip = upload(new Multipart().field("title", "练习").field("kind", "exercise")
                .file("exercise.docx", Documents.zipOfText()), teacher);
        HttpResponse<String> kind = upload(new Multipart().field("title", "练习").field("kind", "video")
                .file("a.pdf", Documents.pdf()), teacher);

        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(big.body()).getString("message")).isEqualTo(
                "file too large: the library takes files of at most 200 KiB");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(new JsonObject(text.body()).getString("message")).isEqualTo("file type not accepted: its content "
                + "is none of these; the library takes PDF, PowerPoint (.pptx), Word (.docx), PNG or JPEG files");
        assertThat(zip.statusCode()).isEqualTo(415);
        assertThat(new JsonObject(zip.body()).getString("message")).contains("neither a PowerPoint nor a Word file");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(kind.body()).getString("message"))
                .isEqualTo("kind 'video' is not one of courseware, lesson-design, study-guide, exercise");
    }

    @Test
    void refusesABrokenPdfAndKeepsNothingOfIt() throws Exception {
        HttpResponse<String> broken = upload(new Multipart().field("title", "坏文件").field("kind", "exercise")
                .file("broken.pdf", "%PDF-1.7 this is not really a PDF".getBytes()), teacher);

        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(broken.body()).getString("message")).startsWith("the PDF cannot be read");
        try (var left = Files.walk(server.folder().resolve("resources"))) {
            assertThat(left.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("broken")))
                    .isEmpty();
        }
    }

    @Test
    void letsOnlyStaffKeepNotesAndCountsViews() throws Exception {
        String body = new JsonObject().put("notes", "板书示范课").encode();
        HttpResponse<String> byTeacher = send(HttpRequest.newBuilder(uri("/api/library/entries/" + math.id() + "/notes"))
                .header("Authorization", "Bearer " + teacher).PUT(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> byStaff = send(HttpRequest.newBuilder(uri("/api/library/entries/" + math.id() + "/notes"))
                .header("Authorization", "Bearer " + server.token(Role.STAFF, "bureau"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        long before = entryJson(math.id()).getLong("views");
        HttpResponse<String> view = send(HttpRequest.newBuilder(uri("/api/library/entries/" + math.id() + "/views"))
                .header("Authorization", "Bearer " + teacher).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(byTeacher.statusCode()).isEqualTo(403);
        assertThat(byStaff.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(get("/api/library/search?q=%E6%9D%BF%E4%B9%A6", teacher).body()).getLong("total"))
                .isEqualTo(1);
        assertThat(new JsonObject(view.body()).getLong("views")).isEqualTo(before + 1);
        assertThat(get("/api/library/entries/999999", teacher).statusCode()).isEqualTo(404);
        assertThat(get("/api/library/search?sort=random", teacher).statusCode()).isEqualTo(400);
    }

    private static JsonObject entryJson(long id) throws Exception {
        return new JsonObject(get("/api/library/entries/" + id, teacher).body());
    }

    private static HttpResponse<String> upload(Multipart form, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/library/resources")).header("Authorization", "Bearer " + token)
                .header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(server.base() + path);
    }
}
