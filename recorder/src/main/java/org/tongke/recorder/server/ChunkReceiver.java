package org.tongke.recorder.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.recorder.ingest.BodyCheck;
import org.tongke.recorder.ingest.IngestException;
import org.tongke.recorder.ingest.IngestService;
import org.tongke.recorder.ingest.Upload;

/**
 * One {@code PATCH} body streamed into the upload's file, never held in memory, and checked on
 * the way ({@link BodyCheck}). At its end the chunk is kept (its checksums, if sent, matching) or
 * dropped; a block that does not match, or a connection cut, keeps what the check lets keep:
 * the whole blocks that matched, nothing of a chunk with only {@code Upload-Checksum}, all that
 * arrived of one without checksums.
 */
final class ChunkReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkReceiver.class);

    private final Vertx vertx;
    private final RoutingContext ctx;
    private final HttpServerRequest request;
    private final IngestService ingest;
    private final Upload upload;
    private final AsyncFile file;
    private final BodyCheck check;
    private final RecorderMetrics metrics;
    private boolean finished;

    ChunkReceiver(Vertx vertx, RoutingContext ctx, IngestService ingest, Upload upload, AsyncFile file,
                  BodyCheck check, RecorderMetrics metrics) {
        this.vertx = vertx;
        this.ctx = ctx;
        this.request = ctx.request();
        this.ingest = ingest;
        this.upload = upload;
        this.file = file;
        this.check = check;
        this.metrics = metrics;
    }

    void receive() {
        file.setWritePos(upload.offset());
        file.exceptionHandler(this::cut);
        request.handler(this::data);
        request.endHandler(v -> end());
        request.exceptionHandler(this::cut);
        request.connection().closeHandler(v -> cut(new IllegalStateException("connection closed")));
        if (ctx.response().closed()) {
            // Cut while the upload was claimed and its file opened: no handler above will ever
            // hear of it, and the upload would stay busy (423) for good.
            cut(new IllegalStateException("connection closed before the body was read"));
            return;
        }
        request.resume();
    }

    private void data(Buffer buffer) {
        if (finished) {
            return;
        }
        if (upload.offset() + check.received() + buffer.length() > upload.length()) {
            finished = true;
            request.pause();
            dropThen(() -> ctx.fail(new IngestException(413, "past-length", "the PATCH body runs past Upload-Length "
                    + upload.length() + "; the chunk is dropped")));
            return;
        }
        metrics.bytesReceived(buffer.length());
        // Written before it is checked: a block that fails is cut off the file when the prefix is kept.
        file.write(buffer);
        try {
            check.update(buffer.getBytes());
        } catch (IngestException e) {
            finished = true;
            request.pause();
            keepThen(check.keepable(), e);
            return;
        }
        if (file.writeQueueFull()) {
            request.pause();
            file.drainHandler(v -> request.resume());
        }
    }

    private void end() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            check.finish();
        } catch (IngestException e) {
            keepThen(check.keepable(), e);
            return;
        }
        file.close().compose(v -> vertx.executeBlocking(() -> ingest.commit(upload, upload.offset() + check.received())))
                .onSuccess(now -> TusRoutes.ended(ctx.response(), now))
                .onFailure(ctx::fail);
    }

    private void cut(Throwable why) {
        if (finished) {
            return;
        }
        finished = true;
        long keep = check.keepable();
        LOG.info("Upload {} cut after {} bytes of a chunk ({}); {} of them are kept", upload.id(), check.received(),
                why.getMessage(), keep);
        metrics.cutBytesKept(keep);
        keepThen(keep, null);
    }

    /** Keeps the body's first {@code keep} bytes (none: the chunk is dropped), then answers {@code failure} if any. */
    private void keepThen(long keep, IngestException failure) {
        if (keep == 0) {
            dropThen(() -> {
                if (failure != null) {
                    ctx.fail(new IngestException(failure.status(), failure.code(), failure.getMessage()
                            + "; the chunk is dropped and the offset stays " + upload.offset()));
                }
            });
            return;
        }
        file.close().compose(v -> vertx.executeBlocking(() -> ingest.commit(upload, upload.offset() + keep)))
                .onComplete(kept -> {
                    if (kept.failed()) {
                        LOG.warn("Upload {}: keeping {} bytes of a chunk failed", upload.id(), keep, kept.cause());
                    }
                    if (failure != null) {
                        long offset = kept.succeeded() ? kept.result().offset() : upload.offset();
                        ctx.response().putHeader("Upload-Offset", Long.toString(offset));
                        ctx.fail(new IngestException(failure.status(), failure.code(), failure.getMessage()
                                + "; the offset is now " + offset));
                    }
                });
    }

    private void dropThen(Runnable after) {
        file.close().transform(v -> Future.succeededFuture()).compose(v -> vertx.executeBlocking(() -> {
            ingest.drop(upload);
            return null;
        })).onComplete(v -> after.run());
    }
}
