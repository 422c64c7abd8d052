package org.tongke.signaling.schedule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where a plan is read from; {@link #load()} blocks (file or network): never call it on an event loop. */
public interface PlanSource {
    LoadedPlan load() throws IOException, InterruptedException;

    /** What it reads, for logs and errors. */
    String describe();

    /** A plan file as {@code scheduler solve --out} writes it. */
    static PlanSource file(Path file) {
        return new PlanSource() {
            @Override
            public LoadedPlan load() throws IOException {
                return PlanReader.read(Files.readAllBytes(file), "plan file " + file);
            }

            @Override
            public String describe() {
                return "plan file " + file;
            }
        };
    }

    /**
     * The scheduler's published plan, {@code GET <base>/api/plan?parts=occurrences}: only the dated
     * lessons, since a county's whole plan runs to megabytes of what this server does not read.
     */
    static PlanSource scheduler(URI base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI plan = URI.create(base.toString().replaceAll("/+$", "") + "/api/plan?parts=occurrences");
        return new PlanSource() {
            @Override
            public LoadedPlan load() throws IOException, InterruptedException {
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(plan).timeout(Duration.ofSeconds(60))
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() != 200) {
                    throw new IOException("GET " + plan + " answered " + answer.statusCode() + ": "
                            + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
                return PlanReader.read(answer.body(), "GET " + plan);
            }

            @Override
            public String describe() {
                return "scheduler " + plan;
            }
        };
    }
}
