package org.tongke.platform.portal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The portal over HTTP: {@code /} the page, {@code /api/overview} what it shows, {@code /health}. */
public final class PortalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PortalServer.class);
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "portal.js", "text/javascript; charset=utf-8",
            "i18n.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");

    private final Vertx vertx;
    private final HttpServer server;

    private PortalServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Serves on {@code port} (0: any free one); the files are read from the jar here, once. */
    public static PortalServer start(int port, PortalOverview overview) {
        Map<String, byte[]> files = readFiles();
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> ctx.json(Map.of("status", "UP")));
        router.get("/api/overview").handler(ctx -> Future.fromCompletionStage(overview.gather())
                .onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                        .putHeader("Cache-Control", "no-store").end(json.toString()))
                .onFailure(ctx::fail));
        router.get("/").handler(ctx -> file(ctx, files, "index.html"));
        router.get("/:file").handler(ctx -> file(ctx, files, ctx.pathParam("file")));
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(port)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            LOG.info("Portal listening on port {}", server.actualPort());
            return new PortalServer(vertx, server);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("the portal could not listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    private static void file(RoutingContext ctx, Map<String, byte[]> files, String name) {
        byte[] body = files.get(name);
        if (body == null) {
            ctx.response().setStatusCode(404).end("no such page: /" + name);
            return;
        }
        ctx.response().putHeader("Content-Type", FILES.get(name)).putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff").end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    private static Map<String, byte[]> readFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES.keySet()) {
            try (InputStream in = PortalServer.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the portal's " + name + " is missing from the jar");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Portal did not stop cleanly: {}", e.toString());
        }
    }
}
