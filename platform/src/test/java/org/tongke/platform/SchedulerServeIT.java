package org.tongke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scheduler serve} as an operator runs it: it solves at start, serves, saves, and stops on SIGTERM. */
class SchedulerServeIT {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    @Test
    void solvesTheSampleAtStartServesItAndStopsCleanly() throws Exception {
        Path planFile = dir.resolve("published.json");
        try (PlatformJar.Running serve = PlatformJar.start("scheduler", "serve", "--config", PlatformJar.SAMPLE.toString(),
                "--port", "0", "--plan-file", planFile.toString(), "--solve-seconds", "5")) {
            int port = Integer.parseInt(serve.awaitLine("listening on http://127.0.0.1:(\\d+)/", 60).group(1));

            JsonNode job;
            long deadline = System.nanoTime() + 90_000_000_000L;
            do {
                Thread.sleep(300);
                job = get(port, "/api/jobs/job-1");
            } while (!job.path("state").asText().matches("done|failed") && System.nanoTime() < deadline);

            assertThat(job.path("state").asText()).as(serve.err()).isEqualTo("done");
            assertThat(get(port, "/health").path("planVersion").asInt()).isEqualTo(1);
            assertThat(get(port, "/api/plan?community=qt-01").path("plan").path("weekly").size()).isEqualTo(2);
            assertThat(planFile).exists();
            int exit = serve.stop(30);
            assertThat(exit).as(serve.err()).isIn(0, 143);
            assertThat(serve.err()).contains("Scheduler stopping").doesNotContain("Exception");
        }
    }
}
