package org.tongke.recorder.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.file.OpenOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import org.tongke.config.auth.Identity;
import org.tongke.recorder.ingest.BlockChecksums;
import org.tongke.recorder.ingest.BodyCheck;
import org.tongke.recorder.ingest.ChunkChecksum;
import org.tongke.recorder.ingest.IngestException;
import org.tongke.recorder.ingest.IngestService;
import org.tongke.recorder.ingest.LessonKey;
import org.tongke.recorder.ingest.LessonManifest;
import org.tongke.recorder.ingest.ManifestJson;
import org.tongke.recorder.ingest.SegmentFiles;
import org.tongke.recorder.ingest.StoredSegments;
import org.tongke.recorder.ingest.Upload;
import org.tongke.recorder.ingest.UploadMetadata;

/** tus 1.0 ({@code /api/uploads/}), the confirmation and the manifest, as {@code docs/api/recorder.md} says. */
final class TusRoutes {
    static final String TUS_VERSION = "1.0.0";
    static final String UPLOADS = "/api/uploads";
    private static final Set<String> WITHOUT_TUS_HEADER = Set.of("OPTIONS");

    private final Vertx vertx;
    private final IngestService ingest;
    private final SegmentFiles files;
    private final RecorderMetrics metrics;

    TusRoutes(Vertx vertx, IngestService ingest, SegmentFiles files, RecorderMetrics metrics) {
        this.vertx = vertx;
        this.ingest = ingest;
        this.files = files;
        this.metrics = metrics;
    }

    /** Adds the routes; {@code auth} runs before every route but tus's OPTIONS. */
    void mount(Router router, Authentication auth) {
        router.options(UPLOADS).handler(this::options);
        router.options(UPLOADS + "/*").handler(this::options);
        router.route(UPLOADS + "*").handler(this::tusHeaders);
        router.route(UPLOADS + "*").handler(auth::handle);
        router.post(UPLOADS).handler(this::create);
        router.post(UPLOADS + "/").handler(this::create);
        router.head(UPLOADS + "/:id").handler(this::head);
        router.patch(UPLOADS + "/:id").handler(this::patch);
        router.delete(UPLOADS + "/:id").handler(this::terminate);
        router.route("/api/ingest/*").handler(auth::handle);
        router.get("/api/ingest/segments").handler(this::segments);
        router.put("/api/ingest/lessons/:lesson/classrooms/:school/:room/manifest")
                .handler(BodyHandler.create().setBodyLimit(ManifestJson.MAX_BYTES))
                .handler(this::manifest);
    }

    private void options(RoutingContext ctx) {
        ctx.response().setStatusCode(204).putHeader("Tus-Resumable", TUS_VERSION).putHeader("Tus-Version", TUS_VERSION)
                .putHeader("Tus-Extension", "creation,checksum,termination," + BlockChecksums.EXTENSION)
                .putHeader("Tus-Max-Size", Long.toString(IngestService.MAX_UPLOAD_BYTES))
                .putHeader("Tus-Checksum-Algorithm", ChunkChecksum.ALGORITHMS).end();
    }

    private void tusHeaders(RoutingContext ctx) {
        ctx.response().putHeader("Tus-Resumable", TUS_VERSION).putHeader("Cache-Control", "no-store");
        if (!WITHOUT_TUS_HEADER.contains(ctx.request().method().name())
                && !TUS_VERSION.equals(ctx.request().getHeader("Tus-Resumable"))) {
            ctx.response().putHeader("Tus-Version", TUS_VERSION);
            ctx.fail(new IngestException(412, "tus-version", "send 'Tus-Resumable: 1.0.0'; this server speaks tus 1.0.0 only"));
            return;
        }
        ctx.next();
    }

    private void create(RoutingContext ctx) {
        Identity who = Authentication.identity(ctx);
        UploadMetadata metadata = UploadMetadata.parse(ctx.request().getHeader("Upload-Metadata"));
        long length = longHeader(ctx, "Upload-Length");
        vertx.executeBlocking(() -> ingest.create(who, metadata, length)).onSuccess(upload -> ctx.response()
                .setStatusCode(201).putHeader("Location", UPLOADS + "/" + upload.id())
                .putHeader("Upload-Offset", Long.toString(upload.offset())).end()).onFailure(ctx::fail);
    }

    private void head(RoutingContext ctx) {
        Identity who = Authentication.identity(ctx);
        // Unordered: a HEAD may wait for a cut PATCH's blocks to be kept, which runs in the ordered queue.
        vertx.executeBlocking(() -> ingest.head(who, ctx.pathParam("id")), false).onSuccess(upload -> ctx.response()
                .setStatusCode(200).putHeader("Upload-Offset", Long.toString(upload.offset()))
                .putHeader("Upload-Length", Long.toString(upload.length()))
                .putHeader("Upload-Metadata", upload.metadata().header()).end()).onFailure(ctx::fail);
    }

    private void patch(RoutingContext ctx) {
        // Held until the upload's file is open; bytes arriving before would be lost.
        ctx.request().pause();
        Identity who = Authentication.identity(ctx);
        if (!"application/offset+octet-stream".equals(ctx.request().getHeader("Content-Type"))) {
            throw new IngestException(415, "content-type", "PATCH needs 'Content-Type: application/offset+octet-stream'");
        }
        long offset = longHeader(ctx, "Upload-Offset");
        BodyCheck check = new BodyCheck(ChunkChecksum.parse(ctx.request().getHeader("Upload-Checksum")),
                BlockChecksums.parse(ctx.request().getHeader(BlockChecksums.HEADER), contentLength(ctx)));
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> ingest.begin(who, id, offset)).onSuccess(upload ->
                vertx.fileSystem().open(files.part(id).toString(), new OpenOptions().setWrite(true).setCreate(false))
                        .onSuccess(file -> new ChunkReceiver(vertx, ctx, ingest, upload, file, check, metrics).receive())
                        .onFailure(e -> vertx.executeBlocking(() -> {
                            ingest.drop(upload);
                            return null;
                        }).onComplete(v -> ctx.fail(e)))).onFailure(ctx::fail);
    }

    private void terminate(RoutingContext ctx) {
        Identity who = Authentication.identity(ctx);
        vertx.executeBlocking(() -> {
            ingest.terminate(who, ctx.pathParam("id"));
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private void segments(RoutingContext ctx) {
        Identity who = Authentication.identity(ctx);
        LessonKey key = lessonKey(ctx.request().getParam("lesson"), ctx.request().getParam("classroom"));
        vertx.executeBlocking(() -> StoredSegments.of(key, ingest.stored(who, key)))
                .onSuccess(answer -> HttpJson.send(ctx, 200, answer)).onFailure(ctx::fail);
    }

    private void manifest(RoutingContext ctx) {
        Identity who = Authentication.identity(ctx);
        LessonKey key = lessonKey(ctx.pathParam("lesson"), ctx.pathParam("school") + "/" + ctx.pathParam("room"));
        String body = ctx.body().asString();
        LessonManifest manifest = ManifestJson.read(body);
        vertx.executeBlocking(() -> {
            ingest.putManifest(who, key, manifest, body);
            return null;
        }).onSuccess(v -> HttpJson.send(ctx, 202, java.util.Map.of("lesson", key.lesson(), "classroom", key.classroom(),
                "state", "received"))).onFailure(ctx::fail);
    }

    private static LessonKey lessonKey(String lesson, String classroom) {
        if (lesson == null || classroom == null) {
            throw IngestException.badRequest("name the lesson and the classroom (lesson=...&classroom=SCHOOL/ROOM)");
        }
        return new LessonKey(lesson, classroom);
    }

    private static long longHeader(RoutingContext ctx, String name) {
        String text = ctx.request().getHeader(name);
        if (text == null) {
            throw IngestException.badRequest(name + " is missing");
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw IngestException.badRequest(name + " '" + text + "' is not a non-negative whole number");
        }
    }

    /** The body's announced length, or -1 for a body sent in chunks of HTTP's own. */
    private static long contentLength(RoutingContext ctx) {
        return ctx.request().getHeader("Content-Length") == null ? -1 : longHeader(ctx, "Content-Length");
    }

    static void ended(HttpServerResponse response, Upload upload) {
        response.setStatusCode(204).putHeader("Upload-Offset", Long.toString(upload.offset())).end();
    }
}
