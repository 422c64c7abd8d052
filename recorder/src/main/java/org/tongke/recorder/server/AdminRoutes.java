package org.tongke.recorder.server;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Map;
import org.tongke.config.auth.Role;
import org.tongke.recorder.ingest.IngestException;
import org.tongke.recorder.jobs.ArchiveJobs;
import org.tongke.recorder.jobs.JobStore;

/**
 * The jobs' admin view for staff: every archive job with its state, progress and reason; retry of
 * a failed one; and the page that shows them at {@code /admin/jobs}. The page itself is no secret
 * (it holds no data); its API calls take the staff token.
 */
final class AdminRoutes {
    private final Vertx vertx;
    private final JobStore jobs;
    private final ArchiveJobs archiveJobs;

    AdminRoutes(Vertx vertx, JobStore jobs, ArchiveJobs archiveJobs) {
        this.vertx = vertx;
        this.jobs = jobs;
        this.archiveJobs = archiveJobs;
    }

    void mount(Router router, Authentication auth) {
        router.route("/api/admin/*").handler(auth::handle).handler(this::staffOnly);
        router.get("/api/admin/jobs").handler(ctx -> vertx.executeBlocking(() -> Map.of("jobs", jobs.all()))
                .onSuccess(list -> HttpJson.send(ctx, 200, list)).onFailure(ctx::fail));
        router.post("/api/admin/jobs/:id/retry").handler(this::retry);
        router.getWithRegex("/admin/?").handler(ctx -> {
            String query = ctx.request().query();
            ctx.redirect(query == null ? "/admin/jobs" : "/admin/jobs?" + query);
        });
        router.get("/admin/jobs").handler(ctx -> ctx.reroute("/admin/jobs.html"));
        router.route("/admin/*").handler(StaticHandler.create("org/tongke/recorder/server/web").setCachingEnabled(false));
    }

    private void staffOnly(RoutingContext ctx) {
        if (Authentication.identity(ctx).role() != Role.STAFF) {
            ctx.fail(IngestException.forbidden("the admin view is for staff tokens"));
            return;
        }
        ctx.next();
    }

    private void retry(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> archiveJobs.retry(id)).onSuccess(retried -> {
            if (retried) {
                HttpJson.send(ctx, 202, Map.of("id", id, "state", "queued"));
            } else {
                ctx.fail(IngestException.conflict("not-failed", "job " + id + " is unknown or has not failed"));
            }
        }).onFailure(ctx::fail);
    }
}
