package org.tongke.platform.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the portal page shows, gathered from the components' own APIs at once: the classrooms
 * (signaling), the library's newest entries and count and the delivered-lesson report (recorder),
 * with the lessons of the day and their console links. A component that does not answer is shown
 * as such; the others still are.
 */
public final class PortalOverview {
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final PortalSites sites;
    private final List<PortalLesson> lessons;
    private final HttpClient http;
    private final Clock clock;

    public PortalOverview(PortalSites sites, List<PortalLesson> lessons, HttpClient http, Clock clock) {
        this.sites = sites;
        this.lessons = List.copyOf(lessons);
        this.http = http;
        this.clock = clock;
    }

    /** The overview as one JSON document; never fails (a silent component becomes {@code "error"}). */
    public CompletableFuture<ObjectNode> gather() {
        CompletableFuture<JsonNode> classrooms = get(sites.signaling().resolve("/api/classrooms"));
        CompletableFuture<JsonNode> library = get(sites.recorder().resolve("/api/library/search?type=lesson&size=8"));
        CompletableFuture<JsonNode> report = get(sites.recorder().resolve("/api/report/delivered"));
        return CompletableFuture.allOf(classrooms, library, report).thenApply(x -> {
            ObjectNode out = JSON.createObjectNode();
            out.put("at", OffsetDateTime.now(clock).toString());
            out.set("pages", pages());
            out.set("lessons", lessons());
            out.set("classrooms", classrooms.join());
            out.set("library", library.join());
            out.set("report", report.join());
            return out;
        });
    }

    private ObjectNode pages() {
        ObjectNode pages = JSON.createObjectNode();
        pages.put("timetable", sites.timetablePage());
        pages.put("classrooms", sites.classroomsPage());
        pages.put("library", sites.libraryPage());
        pages.put("report", sites.reportPage());
        pages.put("jobs", sites.jobsPage());
        return pages;
    }

    private ArrayNode lessons() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ArrayNode list = JSON.createArrayNode();
        for (PortalLesson lesson : lessons) {
            ObjectNode node = JSON.valueToTree(lesson);
            node.put("state", now.isBefore(lesson.start()) ? "upcoming" : now.isBefore(lesson.end()) ? "live" : "ended");
            node.put("start", lesson.start().toString());
            node.put("end", lesson.end().toString());
            list.add(node);
        }
        return list;
    }

    private CompletableFuture<JsonNode> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + sites.staffToken()).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> {
                    if (response.statusCode() / 100 != 2) {
                        return error(uri, "HTTP " + response.statusCode());
                    }
                    try {
                        return JSON.readTree(response.body());
                    } catch (java.io.IOException e) {
                        return error(uri, "not JSON");
                    }
                })
                .exceptionally(e -> error(uri, e.getCause() == null ? e.toString() : e.getCause().toString()));
    }

    private static JsonNode error(URI uri, String why) {
        ObjectNode node = JSON.createObjectNode();
        node.put("error", uri.getScheme() + "://" + uri.getAuthority() + uri.getPath() + ": " + why);
        return node;
    }
}
