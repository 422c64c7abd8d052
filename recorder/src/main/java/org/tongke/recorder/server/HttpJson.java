package org.tongke.recorder.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.auth.TokenRejected;
import org.tongke.config.export.DomainJson;
import org.tongke.recorder.ingest.IngestException;

/** Answers in JSON, and the one failure handler: every error as {@code {"error": {"code", "message"}}}. */
public final class HttpJson {
    static final ObjectMapper MAPPER = DomainJson.mapper();
    private static final Logger LOG = LoggerFactory.getLogger(HttpJson.class);

    private HttpJson() {
    }

    public static void send(RoutingContext ctx, int status, Object value) {
        try {
            ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(MAPPER.writeValueAsBytes(value)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    public static void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (!ctx.request().isEnded()) {
            // A refused PATCH's body is read and thrown away, so the connection can serve the retry.
            ctx.request().handler(b -> { }).resume();
        }
        if (failure instanceof IngestException e) {
            error(ctx, e.status(), e.code(), e.getMessage());
        } else if (failure instanceof TokenRejected e) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            error(ctx, 401, "unauthorized", e.getMessage());
        } else if (failure == null) {
            error(ctx, ctx.statusCode(), "http-" + ctx.statusCode(), "HTTP " + ctx.statusCode());
        } else {
            LOG.error("Request {} {} failed", ctx.request().method(), ctx.normalizedPath(), failure);
            error(ctx, 500, "internal", "the recorder failed: " + failure.getMessage());
        }
    }

    static void error(RoutingContext ctx, int status, String code, String message) {
        send(ctx, status, Map.of("error", Map.of("code", code, "message", String.valueOf(message))));
    }
}
