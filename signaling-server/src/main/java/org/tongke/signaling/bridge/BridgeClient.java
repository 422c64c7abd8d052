package org.tongke.signaling.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One bridge's private HTTP API: Colibri2 over REST ({@code POST /colibri/v2/conferences}
 * creates, {@code PATCH /colibri/v2/conferences/{meetingId}} modifies), {@code GET /about/health}
 * and {@code GET /colibri/stats}. Every call is asynchronous and bounded by the timeout; a
 * failure arrives as {@link BridgeFailure}.
 */
public final class BridgeClient {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** A bridge's answers are a few KiB; anything past this is not a Colibri2 answer. */
    private static final int MAX_REPLY_CHARS = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    /** {@code base} is the bridge's private HTTP server, e.g. {@code http://10.0.0.5:8080/}. */
    public BridgeClient(String id, URI base, HttpClient http, Duration timeout) {
        this.id = Objects.requireNonNull(id, "id");
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public String id() {
        return id;
    }

    public URI base() {
        return base;
    }

    /** Sends a Colibri2 request: a create as POST, anything else as PATCH of the meeting. */
    public CompletableFuture<ObjectNode> modify(ObjectNode request) {
        boolean create = request.path("create").asBoolean(false);
        String meetingId = request.path("meeting-id").asText();
        URI uri = create ? base.resolve("colibri/v2/conferences")
                : base.resolve("colibri/v2/conferences/" + URLEncoder.encode(meetingId, StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(request.toString());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json");
        builder = create ? builder.POST(body) : builder.method("PATCH", body);
        return send(builder.build()).thenApply(reply -> {
            if (reply.isEmpty() || !reply.isObject()) {
                return JSON.createObjectNode();
            }
            return (ObjectNode) reply;
        });
    }

    /** Whether the bridge says it is healthy (200 on {@code /about/health}). */
    public CompletableFuture<Boolean> healthy() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("about/health")).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() / 100 == 2)
                .exceptionally(e -> false);
    }

    /** The bridge's statistics ({@code stress_level}, {@code participants}, {@code conferences}, ...). */
    public CompletableFuture<JsonNode> stats() {
        return send(HttpRequest.newBuilder(base.resolve("colibri/stats")).timeout(timeout).GET().build());
    }

    private CompletableFuture<JsonNode> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, error) -> {
                    if (error != null) {
                        throw failure(request, error instanceof CompletionException ? error.getCause() : error);
                    }
                    return read(request, response);
                });
    }

    private JsonNode read(HttpRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status / 100 == 4) {
            throw new BridgeFailure(BridgeFailure.Kind.REFUSED, id, "bridge " + id + " refused " + request.method()
                    + " " + request.uri().getPath() + " with " + status + ": " + excerpt(body));
        }
        if (status / 100 != 2) {
            throw new BridgeFailure(BridgeFailure.Kind.FAILED, id, "bridge " + id + " answered " + status + " to "
                    + request.method() + " " + request.uri().getPath() + ": " + excerpt(body));
        }
        if (body.isBlank()) {
            return JSON.createObjectNode();
        }
        if (body.length() > MAX_REPLY_CHARS) {
            throw new BridgeFailure(BridgeFailure.Kind.BAD_REPLY, id, "bridge " + id + " answered "
                    + body.length() + " characters; at most " + MAX_REPLY_CHARS + " are read");
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new BridgeFailure(BridgeFailure.Kind.BAD_REPLY, id, "bridge " + id + " answered with no JSON: "
                    + excerpt(body), e);
        }
    }

    private BridgeFailure failure(HttpRequest request, Throwable error) {
        if (error instanceof BridgeFailure failure) {
            return failure;
        }
        if (error instanceof HttpTimeoutException) {
            return new BridgeFailure(BridgeFailure.Kind.TIMEOUT, id, "bridge " + id + " did not answer "
                    + request.method() + " " + request.uri().getPath() + " within " + timeout.toMillis() + " ms", error);
        }
        String why = error instanceof ConnectException ? "connection refused" : String.valueOf(error.getMessage());
        return new BridgeFailure(BridgeFailure.Kind.UNREACHABLE, id, "bridge " + id + " at " + base
                + " cannot be reached: " + why, error);
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    @Override
    public String toString() {
        return id + " (" + base + ")";
    }
}
