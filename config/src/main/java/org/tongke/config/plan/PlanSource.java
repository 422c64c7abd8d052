package org.tongke.config.plan;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a plan is read from, and read into a module's own view of it {@code T};
 * {@link #load()} blocks (file or network): never call it on an event loop.
 */
public interface PlanSource<T> {
    T load() throws IOException, InterruptedException;

    /** What it reads, for logs and errors. */
    String describe();

    /**
     * Turns a plan's JSON into a module's view of it: the plan file's envelope
     * {@code {"format": "tongke-plan", "version": 1, "plan": ...}} or the scheduler API's answer
     * {@code {"version": N, "plan": ...}}.
     */
    @FunctionalInterface
    interface Parser<T> {
        /** @throws IllegalArgumentException naming {@code where}, the field and what is wrong */
        T parse(byte[] json, String where);
    }

    /** A plan file as {@code scheduler solve --out} writes it. */
    static <T> PlanSource<T> file(Path file, Parser<T> parser) {
        return new PlanSource<>() {
            @Override
            public T load() throws IOException {
                byte[] json;
                try {
                    json = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new IOException(describe() + " cannot be read: " + reason(e), e);
                }
                return parser.parse(json, describe());
            }

            @Override
            public String describe() {
                return "plan file " + file;
            }
        };
    }

    /**
     * The scheduler's published plan, {@code GET <base>/api/plan?parts=<parts>}: only the lists
     * the module reads (e.g. {@code occurrences,research}), since a county's whole plan runs to
     * megabytes.
     */
    static <T> PlanSource<T> scheduler(URI base, String parts, Parser<T> parser) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI plan = URI.create(base.toString().replaceAll("/+$", "") + "/api/plan?parts=" + parts);
        return new PlanSource<>() {
            @Override
            public T load() throws IOException, InterruptedException {
                HttpResponse<byte[]> answer;
                try {
                    answer = http.send(HttpRequest.newBuilder(plan).timeout(Duration.ofSeconds(60)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    throw new IOException("GET " + plan + " failed: " + reason(e), e);
                }
                if (answer.statusCode() != 200) {
                    throw new IOException("GET " + plan + " answered " + answer.statusCode() + ": "
                            + new String(answer.body(), StandardCharsets.UTF_8));
                }
                return parser.parse(answer.body(), "GET " + plan);
            }

            @Override
            public String describe() {
                return "scheduler " + plan;
            }
        };
    }

    /** An I/O failure in words: a refused connection, say, has no message of its own. */
    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
