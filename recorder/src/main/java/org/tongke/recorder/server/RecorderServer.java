package org.tongke.recorder.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.recorder.ingest.IngestService;
import org.tongke.recorder.ingest.IngestStore;
import org.tongke.recorder.ingest.ReadyLessons;
import org.tongke.recorder.ingest.SegmentFiles;

/**
 * The recorder on one port: tus ingest, confirmation, manifests, {@code /health} and
 * {@code /metrics}. The catalog adds its routes through {@link #mount}.
 */
public final class RecorderServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderServer.class);

    private final Vertx vertx;
    private final Database database;
    private final Router router;
    private final Authentication authentication;
    private final HttpServer http;
    private final long sweepTimer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RecorderServer(Vertx vertx, Database database, Router router, Authentication authentication, HttpServer http,
                           long sweepTimer) {
        this.vertx = vertx;
        this.database = database;
        this.router = router;
        this.authentication = authentication;
        this.http = http;
        this.sweepTimer = sweepTimer;
    }

    /** Opens the database (migrating it), starts listening and returns once it does. */
    public static RecorderServer start(RecorderOptions options, TokenVerifier tokens, Clock clock) throws Exception {
        Database database = Database.open(options.db(), options.library());
        Vertx vertx = Vertx.vertx();
        try {
            RecorderMetrics metrics = new RecorderMetrics();
            IngestStore store = new IngestStore(database.dataSource());
            SegmentFiles files = new SegmentFiles(options.library().resolve("ingest"));
            ReadyLessons ready = new ReadyLessons(store, key -> LOG.info("Archive of {} is due", key),
                    options.archiveWait(), clock);
            IngestService ingest = new IngestService(store, files, ready, clock);
            Authentication auth = new Authentication(tokens);
            Router router = Router.router(vertx);
            router.get("/health").handler(ctx -> HttpJson.send(ctx, 200, Map.of("status", "UP")));
            router.get("/metrics").handler(ctx -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4")
                    .end(metrics.scrape()));
            new TusRoutes(vertx, ingest, files, metrics).mount(router, auth);
            router.route().failureHandler(HttpJson::failure);
            long sweep = vertx.setPeriodic(60_000, id -> vertx.executeBlocking(() -> {
                ready.sweep();
                return null;
            }).onFailure(e -> LOG.warn("Looking for manifests past their wait failed", e)));
            HttpServer http = vertx.createHttpServer().requestHandler(router).listen(options.port())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.info("Recorder listening on port {} (library {}, database {})", http.actualPort(), options.library(), database.url());
            return new RecorderServer(vertx, database, router, auth, http, sweep);
        } catch (Exception | Error e) {
            vertx.close();
            database.close();
            throw e;
        }
    }

    public int port() {
        return http.actualPort();
    }

    /** The router, for routes the library adds; its failure handler answers errors as JSON. */
    public Router router() {
        return router;
    }

    /** Mounts {@code sub} under {@code path} (for example {@code /api/library}). */
    public void mount(String path, Router sub) {
        router.route(path + "*").subRouter(sub);
    }

    /** Token checking, for the library's routes. */
    public Authentication authentication() {
        return authentication;
    }

    public Database database() {
        return database;
    }

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Recorder stopping");
        vertx.cancelTimer(sweepTimer);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        database.close();
        LOG.info("Recorder stopped");
    }
}
