package org.tongke.recorder.library;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.recorder.held.HeldLessons;
import org.tongke.recorder.held.HeldRoutes;
import org.tongke.recorder.report.ReportRoutes;
import org.tongke.recorder.resource.ResourceIntake;
import org.tongke.recorder.resource.ResourceRejected;

/**
 * The library's HTTP routes, mounted on a router the recorder's server owns: the pages under
 * {@code /library/}, the API under {@code /api/library/} (staff and teacher tokens), the report
 * under {@code /api/report/}, the signaling server's reports of lessons held live under
 * {@code /api/lessons/}, and signed media under {@code /media/}. Handlers parse, hand the
 * blocking catalog and file work to worker threads, and answer; one failure handler turns every
 * refusal into an error record.
 */
public final class LibraryRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryRoutes.class);
    /** Notes and other small JSON bodies. */
    public static final long MAX_JSON_BODY = 64 * 1024;
    /** A multipart form's fields and boundaries on top of the file itself. */
    static final long FORM_OVERHEAD = 64 * 1024;

    private final Vertx vertx;
    private final Library library;
    private final LibraryApi api;
    private final MediaRoute media;

    public LibraryRoutes(Vertx vertx, Library library) {
        this.vertx = vertx;
        this.library = library;
        ResourceIntake intake = new ResourceIntake(library.folder(), library.catalog(), library.lessons(),
                library.limits());
        this.api = new LibraryApi(vertx, library, new EntryJson(library.signer()), intake);
        this.media = new MediaRoute(vertx, library);
    }

    public void mount(Router router) {
        // Vert.x lets "/library" match "/library/" too; only the bare path is sent on.
        router.get("/library").handler(ctx -> {
            if (ctx.request().path().equals("/library")) {
                ctx.redirect("/library/");
            } else {
                ctx.next();
            }
        });
        router.route("/library/vendor/hls/*").handler(StaticHandler.create(
                "META-INF/resources/webjars/hls.js/" + hlsVersion() + "/dist").setMaxAgeSeconds(86_400));
        router.route("/library/*").handler(StaticHandler.create("org/tongke/recorder/library/web")
                .setCachingEnabled(false).setIndexPage("index.html"));
        LibraryAuth auth = new LibraryAuth(library.tokens());
        router.post("/api/library/resources").failureHandler(ctx -> {
            if (ctx.failure() == null && ctx.statusCode() == 413) {
                ctx.fail(ResourceRejected.tooLarge(library.limits().maxBytes()));
            } else {
                ctx.next();
            }
        });
        for (String prefix : new String[] {"/api/library/*", "/api/report/*"}) {
            router.route(prefix).handler(auth);
            router.route(prefix).failureHandler(ErrorResponses::send);
        }
        router.route("/media/*").failureHandler(ErrorResponses::send);
        router.get("/media/*").handler(media);
        router.get("/api/library/search").handler(api::search);
        router.get("/api/library/entries/:id").handler(api::entry);
        router.post("/api/library/entries/:id/views").handler(api::view);
        router.put("/api/library/entries/:id/notes").handler(BodyHandler.create(false).setBodyLimit(MAX_JSON_BODY))
                .handler(api::notes);
        router.post("/api/library/resources").handler(BodyHandler.create(uploadsDirectory())
                .setBodyLimit(library.limits().maxBytes() + FORM_OVERHEAD).setDeleteUploadedFilesOnEnd(true))
                .handler(api::upload);
        HeldLessons held = new HeldLessons(library.catalog().dataSource(), library.clock());
        new HeldRoutes(vertx, held, library.lessons(), library.tokens()).mount(router);
        new ReportRoutes(vertx, library.lessons(), library.catalog(), held).mount(router);
    }

    private String uploadsDirectory() {
        return library.folder().resolve(".uploads").toString();
    }

    /** Runs blocking work on a worker thread, then answers its JSON (or fails the context). */
    static void respond(Vertx vertx, RoutingContext ctx, int status, Callable<JsonObject> work) {
        vertx.executeBlocking(work, false).onSuccess(json -> ctx.response().setStatusCode(status)
                .putHeader("content-type", "application/json; charset=utf-8").end(json.encode()))
                .onFailure(ctx::fail);
    }

    static String hlsVersion() {
        try (InputStream in = LibraryRoutes.class.getResourceAsStream("versions.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("hlsjs.version");
        } catch (IOException e) {
            throw new UncheckedIOException("versions.properties is missing from the recorder jar", e);
        }
    }

    static Logger log() {
        return LOG;
    }
}
