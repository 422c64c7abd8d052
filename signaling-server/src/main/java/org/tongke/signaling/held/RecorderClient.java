package org.tongke.signaling.held;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;

/**
 * Posts one report to the recorder and says what came of it. Each post carries a fresh staff
 * token of the county (minutes long, so a report retried for hours never goes with an expired
 * one). Blocking: the outbox's thread calls it.
 */
final class RecorderClient {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOKEN_TTL = Duration.ofMinutes(10);

    /** What the recorder said. */
    enum Answer {
        /** 2xx: kept. */
        TAKEN,
        /** A 4xx that will not change: the report is given up. */
        REFUSED,
        /** Down, failing or busy: try again later. */
        LATER
    }

    /** The answer, with a line for the log. */
    record Result(Answer answer, String detail) {
    }

    private final RecorderLink link;
    private final TokenIssuer tokens;
    private final Supplier<Optional<String>> county;
    private final String subject;
    private final HttpClient http;

    RecorderClient(RecorderLink link, Supplier<Optional<String>> county, String node, Clock clock) {
        this.link = link;
        this.tokens = new TokenIssuer(link.secret(), clock);
        this.county = county;
        this.subject = "signaling:" + node;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    Result post(HeldLessonReport report) throws InterruptedException {
        Optional<String> countyId = county.get();
        if (countyId.isEmpty()) {
            return new Result(Answer.REFUSED, "this node has no timetable, so no county to report for");
        }
        String token = tokens.issue(Role.STAFF, new Scope(Scope.Type.COUNTY, countyId.get()), subject, TOKEN_TTL);
        HttpRequest request = HttpRequest.newBuilder(link.heldUri(report.lesson())).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(HeldLessonCodec.encode(report))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Result(Answer.LATER, "the recorder at " + link.url() + " did not answer: " + e);
        }
        int status = response.statusCode();
        String detail = "HTTP " + status + " " + abbreviate(response.body());
        if (status >= 200 && status < 300) {
            return new Result(Answer.TAKEN, detail);
        }
        boolean final4xx = status >= 400 && status < 500 && status != 408 && status != 425 && status != 429;
        return new Result(final4xx ? Answer.REFUSED : Answer.LATER, detail);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
