package org.tongke.recorder.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.recorder.ingest.ChunkChecksum;
import org.tongke.recorder.ingest.IngestException;
import org.tongke.recorder.ingest.IngestService;
import org.tongke.recorder.ingest.Upload;

/**
 * One {@code PATCH} body streamed into the upload's file, never held in memory. At its end the
 * chunk is kept (its checksum, if sent, matching) or dropped; a connection cut keeps what
 * arrived unless a checksum was promised, which can then no longer be checked.
 */
final class ChunkReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkReceiver.class);

    private final Vertx vertx;
    private final RoutingContext ctx;
    private final HttpServerRequest request;
    private final IngestService ingest;
    private final Upload upload;
    private final AsyncFile file;
    private final ChunkChecksum checksum;
    private final MessageDigest digest;
    private final RecorderMetrics metrics;
    private long received;
    private boolean finished;

    ChunkReceiver(Vertx vertx, RoutingContext ctx, IngestService ingest, Upload upload, AsyncFile file,
                  ChunkChecksum checksum, RecorderMetrics metrics) {
        this.vertx = vertx;
        this.ctx = ctx;
        this.request = ctx.request();
        this.ingest = ingest;
        this.upload = upload;
        this.file = file;
        this.checksum = checksum;
        this.digest = checksum == null ? null : checksum.newDigest();
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
        if (upload.offset() + received + buffer.length() > upload.length()) {
            finished = true;
            request.pause();
            dropThen(() -> ctx.fail(new IngestException(413, "past-length", "the PATCH body runs past Upload-Length "
                    + upload.length() + "; the chunk is dropped")));
            return;
        }
        if (digest != null) {
            digest.update(buffer.getBytes());
        }
        received += buffer.length();
        metrics.bytesReceived(buffer.length());
        file.write(buffer);
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
        if (digest != null && !checksum.matches(digest.digest())) {
            dropThen(() -> ctx.fail(IngestException.checksumMismatch("the chunk's " + checksum.algorithm()
                    + " does not match Upload-Checksum; it is dropped and the offset stays " + upload.offset())));
            return;
        }
        file.close().compose(v -> vertx.executeBlocking(() -> ingest.commit(upload, upload.offset() + received)))
                .onSuccess(now -> TusRoutes.ended(ctx.response(), now))
                .onFailure(ctx::fail);
    }

    private void cut(Throwable why) {
        if (finished) {
            return;
        }
        finished = true;
        if (digest != null) {
            LOG.info("Upload {} cut after {} bytes of a chunk with a checksum; the chunk is dropped", upload.id(), received);
            dropThen(() -> { });
            return;
        }
        LOG.info("Upload {} cut after {} bytes ({}); they are kept", upload.id(), received, why.getMessage());
        file.close().compose(v -> vertx.executeBlocking(() -> ingest.commit(upload, upload.offset() + received)))
                .onFailure(e -> LOG.warn("Upload {}: keeping the bytes of a cut chunk failed", upload.id(), e));
    }

    private void dropThen(Runnable after) {
        file.close().transform(v -> Future.succeededFuture()).compose(v -> vertx.executeBlocking(() -> {
            ingest.drop(upload);
            return null;
        })).onComplete(v -> after.run());
    }
}
