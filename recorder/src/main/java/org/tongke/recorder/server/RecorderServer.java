package org.tongke.recorder.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.recorder.archive.ArchiveListeners;
import org.tongke.recorder.archive.ArchivePipeline;
import org.tongke.recorder.archive.ArchiveStats;
import org.tongke.recorder.ingest.IngestService;
import org.tongke.recorder.ingest.IngestStore;
import org.tongke.recorder.ingest.ReadyLessons;
import org.tongke.recorder.ingest.SegmentFiles;
import org.tongke.recorder.jobs.ArchiveJob;
import org.tongke.recorder.jobs.ArchiveJobs;
import org.tongke.recorder.jobs.JobQueue;
import org.tongke.recorder.jobs.JobRunner;
import org.tongke.recorder.jobs.JobStore;
import org.tongke.recorder.jobs.LocalJobQueue;
import org.tongke.recorder.jobs.RedisJobQueue;
import org.tongke.recorder.storage.LocalFolderStorage;
import org.tongke.recorder.storage.MediaStorage;
import org.tongke.recorder.web.PageAssets;

/**
 * The recorder on one port: tus ingest, confirmation, manifests, the jobs' admin view,
 * {@code /health} and {@code /metrics}; archive jobs on worker threads. Extensions (the library)
 * are installed before the jobs start and the port opens.
 */
public final class RecorderServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderServer.class);
    private static final long SWEEP_MILLIS = 30_000;
    /** HLS segments land every few seconds while a job runs; an hour of silence is a dead worker. */
    private static final java.time.Duration STAGING_IDLE = java.time.Duration.ofHours(1);

    private final Vertx vertx;
    private final Database database;
    private final JobQueue queue;
    private final JobStore jobs;
    private final HttpServer http;
    private final long sweepTimer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RecorderServer(Vertx vertx, Database database, JobQueue queue, JobStore jobs, HttpServer http, long sweepTimer) {
        this.vertx = vertx;
        this.database = database;
        this.queue = queue;
        this.jobs = jobs;
        this.http = http;
        this.sweepTimer = sweepTimer;
    }

    public static RecorderServer start(RecorderOptions options, TokenVerifier tokens, Clock clock, RecorderExtension... extensions)
            throws Exception {
        Database database = Database.open(options.db(), options.library());
        Vertx vertx = Vertx.vertx();
        JobQueue queue = null;
        try {
            RecorderMetrics metrics = new RecorderMetrics();
            MediaStorage storage = new LocalFolderStorage(options.library());
            IngestStore ingestStore = new IngestStore(database.dataSource());
            SegmentFiles files = new SegmentFiles(options.library().resolve("ingest"));
            JobStore jobs = new JobStore(database.dataSource(), clock);
            ArchiveListeners listeners = new ArchiveListeners();
            ArchiveStats stats = new ArchiveStats();
            ArchivePipeline pipeline = new ArchivePipeline(ingestStore, files, storage, options.archive(), listeners, stats, clock);
            JobRunner runner = new JobRunner(jobs, pipeline, workerName(), options.staleAfter());
            queue = options.redis() == null ? new LocalJobQueue(jobs, runner, options.workers())
                    : new RedisJobQueue(options.redis(), runner, options.workers(), options.staleAfter());
            if (options.redis() == null) {
                // Alone on this library: whatever staging holds was cut off by a stop and is redone.
                storage.discardStaged();
            }
            ArchiveJobs archiveJobs = new ArchiveJobs(jobs, queue);
            ReadyLessons ready = new ReadyLessons(ingestStore, archiveJobs, options.archiveWait(), clock);
            IngestService ingest = new IngestService(ingestStore, files, ready, clock);
            Authentication auth = new Authentication(tokens);
            Router router = Router.router(vertx);
            HealthDetails health = new HealthDetails();
            router.get("/health").handler(ctx -> HttpJson.send(ctx, 200, health.with(Map.of("status", "UP",
                    "worker", runner.worker(), "queue", options.redis() == null ? "in-process" : "redis"))));
            router.get("/metrics").handler(ctx -> vertx.executeBlocking(metrics::scrape).onSuccess(text -> ctx.response()
                    .putHeader("content-type", "text/plain; version=0.0.4").end(text)).onFailure(ctx::fail));
            new TusRoutes(vertx, ingest, files, metrics).mount(router, auth);
            new AdminRoutes(vertx, jobs, archiveJobs).mount(router, auth);
            PageAssets.mount(router);
            gauges(metrics, jobs, runner, stats);
            for (RecorderExtension extension : extensions) {
                extension.install(new RecorderContext(vertx, router, auth, database.dataSource(), storage, listeners,
                        metrics, health));
            }
            router.route().failureHandler(HttpJson::failure);
            queue.start();
            boolean shared = options.redis() != null;
            long sweep = vertx.setPeriodic(SWEEP_MILLIS, id -> vertx.executeBlocking(() -> {
                ready.sweep();
                if (shared) {
                    // Staging of a worker that died, once quiet for far longer than a job is ever silent.
                    storage.discardStaged(STAGING_IDLE, clock.instant());
                }
                return null;
            }).onFailure(e -> LOG.warn("Looking for manifests past their wait or stale staging failed", e)));
            HttpServer http = vertx.createHttpServer().requestHandler(router).listen(options.port())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.info("Recorder {} listening on port {} (library {}, database {}, jobs {})", runner.worker(), http.actualPort(),
                    options.library(), database.url(), options.redis() == null ? "in-process" : "on Redis");
            return new RecorderServer(vertx, database, queue, jobs, http, sweep);
        } catch (Exception | Error e) {
            if (queue != null) {
                queue.close();
            }
            vertx.close();
            database.close();
            throw e;
        }
    }

    private static void gauges(RecorderMetrics metrics, JobStore jobs, JobRunner runner, ArchiveStats stats) {
        for (ArchiveJob.State state : ArchiveJob.State.values()) {
            String name = state.name().toLowerCase(java.util.Locale.ROOT);
            metrics.gauge("tongke_recorder_jobs_" + name, () -> jobs.count(state));
        }
        metrics.gauge("tongke_recorder_jobs_running_here", runner::running);
        metrics.gauge("tongke_recorder_archives_total", stats::archives);
        metrics.gauge("tongke_recorder_archive_media_seconds_total", stats::mediaSeconds);
        metrics.gauge("tongke_recorder_archive_wall_seconds_total", stats::wallSeconds);
        metrics.gauge("tongke_recorder_archive_bytes_total", stats::bytes);
    }

    /** host-pid-random: unique per process, readable in the admin view. */
    private static String workerName() {
        String[] pidAtHost = ManagementFactory.getRuntimeMXBean().getName().split("@");
        String host = pidAtHost.length > 1 ? pidAtHost[1] : "host";
        return host + "-" + pidAtHost[0] + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public int port() {
        return http.actualPort();
    }

    public JobStore jobs() {
        return jobs;
    }

    public Database database() {
        return database;
    }

    /** Stops the jobs (a job cut off is done again on the next start), then HTTP, then the database. */
    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Recorder stopping");
        vertx.cancelTimer(sweepTimer);
        queue.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        database.close();
        LOG.info("Recorder stopped");
    }
}
