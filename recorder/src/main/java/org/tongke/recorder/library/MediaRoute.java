package org.tongke.recorder.library;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a file of the library folder to a signed URL ({@link MediaUrlSigner}): 403 when the
 * signature does not hold or has expired, 400 for a path that would leave the folder, 404 when
 * there is no such file. Checks and the file lookup run on a worker; the file itself is sent
 * by Vert.x without blocking.
 */
final class MediaRoute implements Handler<RoutingContext> {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("m3u8", "application/vnd.apple.mpegurl"), Map.entry("ts", "video/mp2t"),
            Map.entry("m4s", "video/iso.segment"), Map.entry("mp4", "video/mp4"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"), Map.entry("webp", "image/webp"),
            Map.entry("vtt", "text/vtt"), Map.entry("pdf", "application/pdf"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

    private final Vertx vertx;
    private final Library library;

    MediaRoute(Vertx vertx, Library library) {
        this.vertx = vertx;
        this.library = library;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String raw = ctx.request().path().substring(MediaUrlSigner.PREFIX.length());
        vertx.executeBlocking(() -> {
            String path = library.signer().verify(raw);
            return LibraryPaths.resolve(library.folder(), path);
        }, false).onSuccess(file -> send(ctx, file)).onFailure(ctx::fail);
    }

    private static void send(RoutingContext ctx, Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        ctx.response().putHeader("content-type", TYPES.getOrDefault(extension, "application/octet-stream"))
                .putHeader("cache-control", "private, max-age=3600")
                .putHeader("x-content-type-options", "nosniff");
        ctx.response().sendFile(file.toString()).onFailure(ctx::fail);
    }
}
