package org.tongke.bench.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code demo} from the platform jar as a newcomer would (three lessons, two minutes
 * apart... shortened: lessons of 30 s) and reports: seconds from the jar's start until the portal
 * answers with every agent online (target 30 s); seconds from the first lesson's end until it is
 * in the library (target 60 s); the demo's heap after a full GC and its largest heap in use while
 * archiving (target under 1 GB). Needs {@code mvn package} first.
 *
 * <pre>mvn -B -q -Pbench -pl bench exec:exec@demo</pre>
 */
public final class DemoBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private DemoBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "../platform/target/classroom-platform.jar");
        Path sample = Path.of(args.length > 1 ? args[1] : "../samples/qingtian");
        Path work = Files.createTempDirectory("demo-bench");
        long started = System.nanoTime();
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "demo", "--config", sample.toString(), "--work", work.toString(), "--ports-from", "0",
                "--lessons", "3", "--start-in", "40s", "--lesson-length", "30s", "--gap", "10s", "--segment", "10s")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI portal = portal(demo);
            JsonNode o = until(portal, x -> online(x) == 6, 120);
            double ready = (System.nanoTime() - started) / 1e9;
            OffsetDateTime firstEnd = OffsetDateTime.parse(o.path("lessons").get(0).path("end").asText());
            long maxUsed = 0;
            while (total(o = overview(portal)) < 1) {
                maxUsed = Math.max(maxUsed, used(demo, false));
                Thread.sleep(1000);
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IllegalStateException("no lesson in the library after 5 minutes");
                }
            }
            double inLibrary = (Instant.now().toEpochMilli() - firstEnd.toInstant().toEpochMilli()) / 1000.0;
            while (total(o = overview(portal)) < 6) {
                maxUsed = Math.max(maxUsed, used(demo, false));
                Thread.sleep(1000);
            }
            long afterGc = used(demo, true);
            System.out.printf("Demo (3 lessons of 30 s, 6 recording classrooms; %d cores, load %.2f)%n",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("  ready (portal answers, 6 agents online) %6.1f s after the jar started   (target 30 s)%n", ready);
            System.out.printf("  first lesson in the library              %6.1f s after it ended          (target 60 s)%n", inLibrary);
            System.out.printf("  heap in use, largest seen while working  %6.0f MiB                        (target under 1024)%n",
                    maxUsed / 1048576.0);
            System.out.printf("  heap after a full GC, all archived       %6.0f MiB%n", afterGc / 1048576.0);
        } finally {
            demo.toHandle().destroy();
            demo.waitFor(30, TimeUnit.SECONDS);
            demo.destroyForcibly();
        }
    }

    private static URI portal(Process demo) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        Pattern p = Pattern.compile("Portal: (http://\\S+)");
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new IllegalStateException("the demo printed no portal address");
    }

    private interface Test {
        boolean holds(JsonNode overview);
    }

    private static JsonNode until(URI portal, Test test, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode o = overview(portal);
            if (o != null && test.holds(o)) {
                return o;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the demo was not ready within " + seconds + " s");
    }

    private static JsonNode overview(URI portal) {
        try {
            return JSON.readTree(HTTP.send(HttpRequest.newBuilder(portal.resolve("/api/overview")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            return null;
        }
    }

    private static long online(JsonNode o) {
        return o.path("classrooms").path("classrooms").findValuesAsText("state").stream().filter("online"::equals).count();
    }

    private static int total(JsonNode o) {
        return o == null ? 0 : o.path("library").path("total").asInt(0);
    }

    private static long used(Process demo, boolean gcFirst) throws Exception {
        if (gcFirst) {
            jcmd(demo, "GC.run");
        }
        Matcher m = USED.matcher(jcmd(demo, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
    }

    private static String jcmd(Process demo, String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(demo.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
