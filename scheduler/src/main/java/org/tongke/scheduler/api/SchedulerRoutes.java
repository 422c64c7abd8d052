package org.tongke.scheduler.api;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.county.County;
import org.tongke.scheduler.ical.CalendarFeeds;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.replan.Absence;
import org.tongke.scheduler.replan.ManualMove;
import org.tongke.scheduler.replan.Replanner;

/**
 * The scheduler's HTTP API ({@code docs/api/scheduler.md}). Handlers parse, hand the work to a
 * plain class (off the event loop when it can take long), and answer; one failure handler turns
 * every error into {@code {"error": {"code", "message"}}}.
 */
public final class SchedulerRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerRoutes.class);

    private final Vertx vertx;
    private final County county;
    private final PlanStore store;
    private final SolveJobs jobs;
    private final Metrics metrics;
    private final CalendarFeeds feeds;
    private final CountyView countyView;

    public SchedulerRoutes(Vertx vertx, County county, PlanStore store, SolveJobs jobs, Metrics metrics) {
        this.vertx = vertx;
        this.county = county;
        this.store = store;
        this.jobs = jobs;
        this.metrics = metrics;
        this.feeds = new CalendarFeeds(county);
        this.countyView = CountyView.of(county);
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.addEndHandler(v -> metrics.request(ctx.currentRoute() == null ? "none" : String.valueOf(ctx.currentRoute().getPath()),
                    ctx.response().getStatusCode()));
            ctx.next();
        });
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(Json.MAX_BODY_BYTES));
        router.get("/health").handler(ctx -> Json.send(ctx, 200, Map.of("status", "UP", "county", county.id(),
                "planVersion", store.version())));
        router.get("/metrics").handler(ctx -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4")
                .end(metrics.scrape()));
        router.post("/api/solve").handler(this::solve);
        router.get("/api/jobs/:id").handler(ctx -> Json.send(ctx, 200, job(ctx).view()));
        router.delete("/api/jobs/:id").handler(this::stop);
        router.get("/api/plan").handler(this::plan);
        router.get("/api/county").handler(ctx -> Json.send(ctx, 200, countyView));
        router.get("/api/compliance").handler(ctx -> Json.send(ctx, 200, current().compliance()));
        router.get("/api/lessons/:weekly/slots").handler(ctx -> Json.send(ctx, 200,
                LessonSlots.of(county, current(), ctx.pathParam("weekly"))));
        router.get("/api/lessons/:weekly/score").handler(ctx -> Json.send(ctx, 200,
                LessonScore.of(county, current(), ctx.pathParam("weekly"))));
        router.get("/api/absences").handler(ctx -> Json.send(ctx, 200, store.absences()));
        router.post("/api/absences").handler(this::absence);
        router.post("/api/moves").handler(this::move);
        router.get("/api/ical/school/:school").handler(ctx -> ical(ctx,
                () -> feeds.school(current(), ical(ctx.pathParam("school")))));
        router.get("/api/ical/teacher/:school/:teacher").handler(ctx -> ical(ctx,
                () -> feeds.teacher(current(), ctx.pathParam("school"), ical(ctx.pathParam("teacher")))));
        router.get("/api/ical/classroom/:school/:classroom").handler(ctx -> ical(ctx,
                () -> feeds.classroom(current(), ctx.pathParam("school"), ical(ctx.pathParam("classroom")))));
        router.route("/*").handler(StaticHandler.create("org/tongke/scheduler/web").setCachingEnabled(false));
        router.route().failureHandler(this::failure);
        return router;
    }

    private void solve(RoutingContext ctx) {
        Requests.Solve request = ctx.body().length() == 0 ? new Requests.Solve(null, null) : Json.body(ctx, Requests.Solve.class);
        SolveJob job = jobs.start(Duration.ofSeconds(request.secondsOrDefault()), request.publish() == null || request.publish());
        ctx.response().putHeader("location", "/api/jobs/" + job.id());
        Json.send(ctx, 202, job.view());
    }

    private void stop(RoutingContext ctx) {
        SolveJob job = job(ctx);
        job.stopSwitch().stop();
        Json.send(ctx, 202, job.view());
    }

    private SolveJob job(RoutingContext ctx) {
        return jobs.get(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("no job '" + ctx.pathParam("id") + "'"));
    }

    private void plan(RoutingContext ctx) {
        Plan plan = current();
        PlanViews views = new PlanViews(county);
        String community = ctx.queryParams().get("community");
        String school = ctx.queryParams().get("school");
        String teacher = ctx.queryParams().get("teacher");
        String classroom = ctx.queryParams().get("classroom");
        if (community != null) {
            plan = views.community(plan, community);
        } else if (teacher != null) {
            plan = views.teacher(plan, required(school, "teacher"), teacher);
        } else if (classroom != null) {
            plan = views.classroom(plan, required(school, "classroom"), classroom);
        } else if (school != null) {
            plan = views.school(plan, school);
        }
        Json.send(ctx, 200, Map.of("version", store.version(), "plan", parts(plan, ctx.queryParams().get("parts"))));
    }

    /** {@code ?parts=weekly,unplaced,compliance}: only those lists, for a page that needs no dates. */
    private static Plan parts(Plan plan, String parts) {
        if (parts == null || parts.isBlank()) {
            return plan;
        }
        java.util.Set<String> wanted = java.util.Set.of(parts.split(","));
        java.util.Set<String> known = java.util.Set.of("weekly", "occurrences", "cancellations", "research", "unplaced",
                "compliance");
        if (!known.containsAll(wanted)) {
            throw ApiException.badRequest("parts are any of " + String.join(", ", new java.util.TreeSet<>(known)));
        }
        return new Plan(plan.county(), plan.score(),
                wanted.contains("weekly") ? plan.weekly() : List.of(),
                wanted.contains("occurrences") ? plan.occurrences() : List.of(),
                wanted.contains("cancellations") ? plan.cancellations() : List.of(),
                wanted.contains("research") ? plan.research() : List.of(),
                wanted.contains("unplaced") ? plan.unplaced() : List.of(),
                wanted.contains("compliance") ? plan.compliance() : List.of());
    }

    private static String required(String school, String what) {
        if (school == null) {
            throw ApiException.badRequest("?" + what + "= needs ?school= too: ids are unique within a school");
        }
        return school;
    }

    private void absence(RoutingContext ctx) {
        Absence absence = Json.body(ctx, Absence.class);
        county.school(absence.school()).orElseThrow(() -> ApiException.notFound("no school '" + absence.school() + "'"));
        Plan plan = current();
        blocking(ctx, () -> {
            store.addAbsence(absence);
            Replanner.Result result = new Replanner(county).replan(plan, store.absences());
            int version = store.publish(result.plan(), "absence " + absence.school() + "/" + absence.id()).planVersion();
            return Map.of("version", version, "changes", result.changes());
        });
    }

    private void move(RoutingContext ctx) {
        Requests.Move request = Json.body(ctx, Requests.Move.class);
        Plan plan = current();
        if (plan.weekly().stream().noneMatch(w -> w.id().equals(request.weekly()))) {
            throw ApiException.notFound("no weekly lesson '" + request.weekly() + "' in the plan");
        }
        blocking(ctx, () -> {
            ManualMove.Result result = new ManualMove(county).move(plan, request.weekly(), request.day(), request.start());
            boolean save = result.accepted() && (request.dryRun() == null || !request.dryRun());
            Integer version = save ? store.publish(result.plan(), "move " + request.weekly()).planVersion() : null;
            return new MoveAnswer(result.accepted(), save, version, result.conflicts());
        });
    }

    /** The answer to a move: whether it is allowed, whether it was saved, and what it would break. */
    record MoveAnswer(boolean accepted, boolean saved, Integer version, List<String> conflicts) {
    }

    private Plan current() {
        return store.current().orElseThrow(() -> ApiException.conflict("no-plan",
                "no plan is published yet; POST /api/solve first"));
    }

    private static String ical(String name) {
        if (!name.endsWith(".ics")) {
            throw ApiException.notFound("calendar feeds end in .ics");
        }
        return name.substring(0, name.length() - 4);
    }

    private void ical(RoutingContext ctx, Callable<String> feed) {
        vertx.executeBlocking(feed).onSuccess(text -> ctx.response()
                        .putHeader("content-type", "text/calendar; charset=utf-8").end(text))
                .onFailure(ctx::fail);
    }

    /** Work that may take long (re-planning, checking a plan) runs on a worker, never the event loop. */
    private void blocking(RoutingContext ctx, Callable<Object> work) {
        vertx.executeBlocking(work).onSuccess(answer -> Json.send(ctx, 200, answer)).onFailure(ctx::fail);
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        String code;
        String message;
        if (failure instanceof ApiException api) {
            status = api.status();
            code = api.code();
            message = api.getMessage();
        } else if (failure instanceof IllegalArgumentException) {
            status = 400;
            code = "bad-request";
            message = failure.getMessage();
        } else if (failure == null) {
            status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            code = status == 413 ? "too-large" : status == 404 ? "not-found" : "error";
            message = status == 413 ? "the request body is larger than " + Json.MAX_BODY_BYTES + " bytes" : "request failed";
        } else {
            LOG.error("Request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            status = 500;
            code = "internal";
            message = "the scheduler failed on this request; the log says why";
        }
        if (!ctx.response().ended()) {
            Json.send(ctx, status, Map.of("error", Map.of("code", code, "message", message == null ? code : message)));
        }
    }
}
