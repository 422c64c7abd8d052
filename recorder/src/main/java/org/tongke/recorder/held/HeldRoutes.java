package org.tongke.recorder.held;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenRejected;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.recorder.catalog.CurrentLessons;
import org.tongke.recorder.library.ApiError;
import org.tongke.recorder.library.ErrorResponses;

/**
 * {@code POST /api/lessons/{lessonId}/held}: a signaling node reports a lesson that ran live.
 * Only a staff token of the recorder's county (the signaling server mints one from the shared
 * secret) may report; a lesson the plan does not hold is refused, so is a malformed report.
 */
public final class HeldRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(HeldRoutes.class);

    private final Vertx vertx;
    private final HeldLessons store;
    private final CurrentLessons lessons;
    private final TokenVerifier tokens;

    public HeldRoutes(Vertx vertx, HeldLessons store, CurrentLessons lessons, TokenVerifier tokens) {
        this.vertx = vertx;
        this.store = store;
        this.lessons = lessons;
        this.tokens = tokens;
    }

    public void mount(Router router) {
        router.route("/api/lessons/*").failureHandler(ErrorResponses::send);
        router.post("/api/lessons/:lessonId/held").handler(BodyHandler.create(false)
                .setBodyLimit(HeldLessonJson.MAX_BYTES)).handler(this::authorize).handler(this::held);
    }

    private void authorize(RoutingContext ctx) {
        ctx.put("reporter", reporter(ctx.request().getHeader("Authorization")));
        ctx.next();
    }

    /** The token's subject, when it is a staff token of this county; else the refusal. */
    String reporter(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "unauthorized", "reporting a held lesson needs a staff token of the county:"
                    + " Authorization: Bearer TOKEN");
        }
        Identity who;
        try {
            who = tokens.verify(header.substring(7).strip());
        } catch (TokenRejected e) {
            throw new ApiError(401, "unauthorized", e.getMessage());
        }
        Scope county = new Scope(Scope.Type.COUNTY, lessons.now().county().id());
        if (who.role() != Role.STAFF || !who.scope().equals(county)) {
            throw new ApiError(403, "forbidden", "a " + who.role().word() + " token of " + who.scope().text()
                    + " does not report held lessons; a staff token of " + county.text() + " (the signaling server's) does");
        }
        return who.subject();
    }

    private void held(RoutingContext ctx) {
        String lessonId = ctx.pathParam("lessonId");
        if (lessons.now().find(lessonId).isEmpty()) {
            throw new ApiError(404, "unknown-lesson", "lesson " + lessonId + " is in no plan this recorder holds");
        }
        HeldLesson lesson;
        try {
            lesson = HeldLessonJson.read(lessonId, ctx.body().asString());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        String reporter = ctx.get("reporter");
        vertx.executeBlocking(() -> store.record(lesson, reporter), false).onSuccess(outcome -> {
            if (outcome != HeldLessons.Outcome.UNCHANGED) {
                LOG.info("Lesson {} held live from {} to {} with {} classrooms ({} by node {})", lessonId,
                        lesson.startedAt(), lesson.endedAt(), lesson.classrooms().size(), outcome.word(), lesson.node());
            }
            ctx.response().setStatusCode(outcome == HeldLessons.Outcome.CREATED ? 201 : 200)
                    .putHeader("content-type", "application/json; charset=utf-8")
                    .end(HeldLessonJson.stored(lessonId, outcome));
        }).onFailure(ctx::fail);
    }
}
