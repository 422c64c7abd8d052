package org.tongke.signaling.held;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how lessons held live are reported ({@code --recorder}).
 *
 * @param url        the recorder's HTTP address ({@code http://HOST:8082/})
 * @param secret     the shared token secret: each report carries a short-lived staff token of the county minted with it
 * @param firstRetry the wait after a first failed post; it doubles with each failure up to {@code maxRetry}
 * @param capacity   how many reports wait at most; past it the oldest is dropped (and counted failed)
 * @param spool      the folder that keeps waiting reports across restarts ({@code --held-spool}); null: in memory only
 */
public record RecorderLink(URI url, byte[] secret, Duration firstRetry, Duration maxRetry, int capacity,
        java.nio.file.Path spool) {
    /** The recorder restarting takes seconds. */
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(1);
    /** A recorder away for hours is tried every minute. */
    public static final Duration DEFAULT_MAX_RETRY = Duration.ofMinutes(1);
    /** A county holds a few hundred lessons a day; a day of them waits for a recorder that is down. */
    public static final int DEFAULT_CAPACITY = 1000;

    public RecorderLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("--recorder " + url + " must be the recorder's HTTP address, like"
                    + " http://10.0.0.7:8082/");
        }
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0 || capacity < 1) {
            throw new IllegalArgumentException("retries need 0 < firstRetry <= maxRetry and a capacity of 1 or more");
        }
    }

    /** {@code --recorder URL} with the default retries and capacity. */
    public static RecorderLink of(String url, byte[] secret) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--recorder " + url + " is not a URL: " + e.getMessage());
        }
        return new RecorderLink(uri, secret, DEFAULT_FIRST_RETRY, DEFAULT_MAX_RETRY, DEFAULT_CAPACITY, null);
    }

    public RecorderLink withRetry(Duration first, Duration max) {
        return new RecorderLink(url, secret, first, max, capacity, spool);
    }

    /** Keeps the reports waiting for the recorder in {@code dir}, so that a restart loses none. */
    public RecorderLink withSpool(java.nio.file.Path dir) {
        return new RecorderLink(url, secret, firstRetry, maxRetry, capacity, dir);
    }

    /** {@code POST /api/lessons/{lessonId}/held}, the id percent-encoded. */
    URI heldUri(String lessonId) {
        String base = url.toString().endsWith("/") ? url.toString() : url + "/";
        return URI.create(base + "api/lessons/" + java.net.URLEncoder.encode(lessonId, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + "/held");
    }
}
