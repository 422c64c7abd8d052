package org.tongke.recorder.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.testing.SettableClock;
import org.tongke.recorder.catalog.Catalog;
import org.tongke.recorder.catalog.CurrentLessons;
import org.tongke.recorder.catalog.LessonDirectory;
import org.tongke.recorder.library.Library;
import org.tongke.recorder.library.LibraryRoutes;
import org.tongke.recorder.library.MediaUrlSigner;
import org.tongke.recorder.resource.ResourceLimits;
import org.tongke.recorder.web.PageAssets;

/**
 * The library's routes alone on a real Vert.x HTTP server on a free loopback port, over a
 * catalog database of the test's own and a library folder in {@code dir}; tokens from the same
 * secret.
 */
public final class LibraryServer implements AutoCloseable {
    public static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes-for-hs256".getBytes(StandardCharsets.UTF_8);

    private final Vertx vertx;
    private final HttpServer server;
    private final TestDatabases.Handle db;
    private final Catalog catalog;
    private final Path folder;
    private final SettableClock clock;

    private LibraryServer(Vertx vertx, HttpServer server, TestDatabases.Handle db, Catalog catalog, Path folder,
            SettableClock clock) {
        this.vertx = vertx;
        this.server = server;
        this.db = db;
        this.catalog = catalog;
        this.folder = folder;
        this.clock = clock;
    }

    public static LibraryServer start(Path dir, LessonDirectory directory, TestDatabases.Handle db, ResourceLimits limits)
            throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2021-12-01T02:00:00Z"));
        Path folder = Files.createDirectories(dir.resolve("library"));
        Catalog catalog = new Catalog(db.db().dataSource(), clock);
        Library library = new Library(catalog, new CurrentLessons(directory), folder, new MediaUrlSigner(SECRET, clock, Duration.ofHours(4)),
                new TokenVerifier(SECRET, clock), limits, clock);
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new LibraryRoutes(vertx, library).mount(router);
        PageAssets.mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new LibraryServer(vertx, server, db, catalog, folder, clock);
    }

    public String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public Catalog catalog() {
        return catalog;
    }

    public Path folder() {
        return folder;
    }

    public SettableClock clock() {
        return clock;
    }

    public String token(Role role, String subject) {
        Scope scope = role == Role.CLASSROOM_AGENT ? Scope.parse("classroom:chengxi/lubo") : Scope.parse("county:tiny");
        return new TokenIssuer(SECRET, clock).issue(role, scope, subject, Duration.ofHours(8));
    }

    @Override
    public void close() throws Exception {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            db.close();
        }
    }
}
