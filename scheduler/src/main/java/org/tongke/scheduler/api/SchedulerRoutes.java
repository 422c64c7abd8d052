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
import org.tongke.scheduler.check.PlanChecker;
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
        // The language choice every page shares, from the config module.
        router.route("/shared/*").handler(StaticHandler.create("org/tongke/config/web").setCachingEnabled(false));
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
        Plan answer = parts(plan, ctx.queryParams().get("parts"));
        int version = store.version();
        // A county's whole plan is tens of megabytes of JSON: written on a worker, not the event loop.
        blocking(ctx, () -> Map.of("version", version, "plan", answer));
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
        var school = county.school(absence.school())
                .orElseThrow(() -> ApiException.notFound("no school '" + absence.school() + "'"));
        boolean known = absence.kind() == Absence.Kind.TEACHER ? school.teacher(absence.id()).isPresent()
                : school.classroom(absence.id()).filter(r -> r.recording()).isPresent();
        if (!known) {
            throw ApiException.notFound("no " + (absence.kind() == Absence.Kind.TEACHER ? "teacher" : "recording classroom")
                    + " '" + absence.id() + "' at school '" + absence.school() + "'");
        }
        blocking(ctx, () -> store.change((current, absences) -> {
            Plan plan = current.orElseThrow(SchedulerRoutes::noPlan);
            List<Absence> all = new java.util.ArrayList<>(absences);
            all.add(absence);
            Replanner.Result result = new Replanner(county).replan(plan, all);
            refuseIfBroken(result.plan());
            return new PlanStore.Outcome<>(result.plan(), absence,
                    Map.of("version", store.version() + 1, "changes", result.changes()));
        }, "absence " + absence.school() + "/" + absence.id()));
    }

    private void move(RoutingContext ctx) {
        Requests.Move request = Json.body(ctx, Requests.Move.class);
        if (current().weekly().stream().noneMatch(w -> w.id().equals(request.weekly()))) {
            throw ApiException.notFound("no weekly lesson '" + request.weekly() + "' in the plan");
        }
        boolean dryRun = request.dryRun() != null && request.dryRun();
        blocking(ctx, () -> store.change((current, absences) -> {
            Plan plan = current.orElseThrow(SchedulerRoutes::noPlan);
            ManualMove.Result result = new ManualMove(county).move(plan, request.weekly(), request.day(),
                    request.start(), absences);
            boolean save = result.accepted() && !dryRun;
            return new PlanStore.Outcome<>(save ? result.plan() : null, null,
                    new MoveAnswer(result.accepted(), save, save ? store.version() + 1 : null, result.conflicts()));
        }, "move " + request.weekly()));
    }

    /** The plan checker has the last word before anything is published. */
    private void refuseIfBroken(Plan plan) {
        var violations = PlanChecker.check(county, plan);
        if (!violations.isEmpty()) {
            LOG.error("Re-planning produced a plan that breaks {} hard rules; first: {}", violations.size(), violations.get(0));
            throw ApiException.conflict("plan-broken", "re-planning would break " + violations.size()
                    + " hard rules (first: " + violations.get(0) + "); nothing was changed");
        }
    }

    private static ApiException noPlan() {
        return ApiException.conflict("no-plan", "no plan is published yet; POST /api/solve first");
    }

    /** The answer to a move: whether it is allowed, whether it was saved, and what it would break. */
    record MoveAnswer(boolean accepted, boolean saved, Integer version, List<String> conflicts) {
    }

    private Plan current() {
        return store.current().orElseThrow(SchedulerRoutes::noPlan);
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
        vertx.executeBlocking(() -> Json.MAPPER.writeValueAsBytes(work.call()), false)
                .onSuccess(bytes -> ctx.response().setStatusCode(200)
                        .putHeader("content-type", "application/json; charset=utf-8")
                        .end(io.vertx.core.buffer.Buffer.buffer(bytes)))
                .onFailure(ctx::fail);
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
