package org.tongke.recorder.library;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.NoSuchFileException;
import org.tongke.recorder.resource.ResourceRejected;

/** Turns every refusal and failure of the library's routes into {@code {"type":"error",...}}. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static void send(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError e) {
            write(ctx, e.status(), e.code(), e.getMessage());
        } else if (failure instanceof ResourceRejected e) {
            write(ctx, e.status(), e.code(), e.getMessage());
        } else if (failure instanceof MediaUrlRejected e) {
            boolean path = e.reason() == MediaUrlRejected.Reason.BAD_PATH;
            write(ctx, path ? 400 : 403, path ? "bad-path" : "bad-media-url", e.getMessage());
        } else if (failure instanceof NoSuchFileException) {
            write(ctx, 404, "not-found", "no such file in the library");
        } else if (failure == null && ctx.statusCode() == 413) {
            write(ctx, 413, "too-large", "file too large: the request is bigger than the library accepts");
        } else if (failure == null) {
            write(ctx, ctx.statusCode(), "http-" + ctx.statusCode(), "request refused");
        } else {
            LibraryRoutes.log().error("Library request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            write(ctx, 500, "internal", "the library failed to answer; the recorder's log says why");
        }
    }

    private static void write(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                .end(new JsonObject().put("type", "error").put("version", 1).put("error", code)
                        .put("message", message).encode());
    }
}
