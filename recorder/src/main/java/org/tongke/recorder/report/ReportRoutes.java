package org.tongke.recorder.report;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.tongke.recorder.catalog.Catalog;
import org.tongke.recorder.catalog.CurrentLessons;
import org.tongke.recorder.held.HeldLessons;
import org.tongke.recorder.library.ApiError;

/**
 * {@code GET /api/report/delivered[?from=DATE&to=DATE&format=json|csv]}: the report as JSON,
 * or as a CSV download, planned from the plan in force when asked. The caller mounts it behind
 * the library's token check.
 */
public final class ReportRoutes {
    private final Vertx vertx;
    private final CurrentLessons lessons;
    private final Catalog catalog;
    private final HeldLessons held;

    public ReportRoutes(Vertx vertx, CurrentLessons lessons, Catalog catalog, HeldLessons held) {
        this.vertx = vertx;
        this.lessons = lessons;
        this.catalog = catalog;
        this.held = held;
    }

    public void mount(Router router) {
        router.get("/api/report/delivered").handler(this::delivered);
    }

    private void delivered(RoutingContext ctx) {
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiError.badRequest("to (" + to + ") is before from (" + from + ")");
        }
        String format = ctx.queryParams().get("format") == null ? "json" : ctx.queryParams().get("format");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiError.badRequest("format '" + format + "' is not json or csv");
        }
        vertx.executeBlocking(() -> {
            DeliveredReport report = DeliveredReports.build(lessons.now(), catalog.archivedLessonIds(), held.lessonIds(),
                    from, to);
            return format.equals("csv") ? ReportCsv.write(report) : ReportJson.write(report);
        }, false).onSuccess(bytes -> {
            if (format.equals("csv")) {
                ctx.response().putHeader("content-type", ReportCsv.MEDIA_TYPE).putHeader("content-disposition",
                        "attachment; filename=\"delivered-lessons.csv\"");
            } else {
                ctx.response().putHeader("content-type", "application/json; charset=utf-8");
            }
            ctx.response().end(Buffer.buffer(bytes));
        }).onFailure(ctx::fail);
    }

    private static LocalDate date(RoutingContext ctx, String name) {
        String value = ctx.queryParams().get(name);
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
