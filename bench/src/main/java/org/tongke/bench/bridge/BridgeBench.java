package org.tongke.bench.bridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tongke.signaling.bridge.BridgeChannel;
import org.tongke.signaling.bridge.BridgeClient;
import org.tongke.signaling.bridge.BridgeFocus;
import org.tongke.signaling.bridge.BridgePool;
import org.tongke.signaling.bridge.Colibri2Json;

/**
 * Allocation of lessons of four rooms through the focus against the stand-in bridge (its own
 * process), next to a bare create-conference request in the same run; then the heap the focus
 * keeps per bridged lesson.
 *
 * <pre>mvn -B -q -Pbench -pl bench exec:exec@bridge</pre>
 */
public final class BridgeBench {
    static final int ROOMS = 4;
    static final int LESSONS = 300;
    static final int WARMUP = 50;
    static final int HELD_LESSONS = 500;

    private BridgeBench() {
    }

    public static void main(String[] args) throws Exception {
        Process bridgeProcess = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), StandInBridgeMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(bridgeProcess.getInputStream(),
                    StandardCharsets.UTF_8));
            int port = Integer.parseInt(out.readLine().substring("listening ".length()));
            URI uri = URI.create("http://127.0.0.1:" + port + "/");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            BridgePool pool = new BridgePool(List.of(new BridgeClient("standin", uri, http, Duration.ofSeconds(5))),
                    Clock.systemUTC());
            pool.refresh().get(10, TimeUnit.SECONDS);

            long[] bare = bareRequests(http, uri);
            long[] allocation = lessons(pool);
            long heapPerLesson = heapPerLesson(pool);

            System.out.println("Bridge focus (stand-in bridge in its own process; " + Runtime.getRuntime()
                    .availableProcessors() + " cores, load " + load() + ")");
            System.out.printf("  bare create-conference request   p50 %6.2f ms  p99 %6.2f ms%n", ms(bare, 0.50), ms(bare, 0.99));
            System.out.printf("  lesson of %d rooms, after the last console joins until all %d have offers:%n", ROOMS, ROOMS);
            System.out.printf("                                   p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (target p99 < 200 ms)%n",
                    ms(allocation, 0.50), ms(allocation, 0.99), ms(allocation, 1.0));
            System.out.printf("  ratio to the bare request (p50)  %6.2fx%n", ms(allocation, 0.50) / ms(bare, 0.50));
            System.out.printf("  heap kept per bridged lesson of %d consoles: %.1f KiB (%d lessons held)%n", ROOMS,
                    heapPerLesson / 1024.0, HELD_LESSONS);
        } finally {
            bridgeProcess.getOutputStream().close();
            bridgeProcess.destroy();
            bridgeProcess.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** One conference created per request, as the first console's allocation does, with nothing around it. */
    private static long[] bareRequests(HttpClient http, URI uri) throws Exception {
        long[] took = new long[LESSONS];
        for (int i = -WARMUP; i < LESSONS; i++) {
            ObjectNode create = Colibri2Json.allocate(UUID.randomUUID().toString(), "bench", true, "e0", "e0", List.of());
            long start = System.nanoTime();
            http.send(HttpRequest.newBuilder(uri.resolve("colibri/v2/conferences"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(create.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (i >= 0) {
                took[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(took);
        return took;
    }

    private static long[] lessons(BridgePool pool) throws Exception {
        Map<String, CountDownLatch> offered = new ConcurrentHashMap<>();
        BridgeFocus focus = focus(pool, offered);
        long[] took = new long[LESSONS];
        for (int i = -WARMUP; i < LESSONS; i++) {
            String room = "bench#" + i + "@2026-11-23";
            CountDownLatch all = new CountDownLatch(ROOMS);
            offered.put(room, all);
            for (int c = 0; c < ROOMS - 1; c++) {
                focus.enter(room, "bench", room + "/c" + c, "c" + c);
            }
            long start = System.nanoTime();
            focus.enter(room, "bench", room + "/c" + (ROOMS - 1), "c" + (ROOMS - 1));
            if (!all.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("lesson " + room + " got no offers within 10 s");
            }
            if (i >= 0) {
                took[i] = System.nanoTime() - start;
            }
            focus.end(room);
        }
        Arrays.sort(took);
        return took;
    }

    /** The focus's heap with {@link #HELD_LESSONS} lessons of four consoles held, per lesson. */
    private static long heapPerLesson(BridgePool pool) throws Exception {
        Map<String, CountDownLatch> offered = new ConcurrentHashMap<>();
        BridgeFocus focus = focus(pool, offered);
        long before = usedAfterGc();
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < HELD_LESSONS; i++) {
            String room = "held#" + i + "@2026-11-23";
            CountDownLatch all = new CountDownLatch(ROOMS);
            offered.put(room, all);
            for (int c = 0; c < ROOMS; c++) {
                focus.enter(room, "bench", room + "/c" + c, "c" + c);
            }
            all.await(10, TimeUnit.SECONDS);
            rooms.add(room);
        }
        offered.clear();
        long after = usedAfterGc();
        long perLesson = (after - before) / HELD_LESSONS;
        rooms.forEach(focus::end);
        return perLesson;
    }

    private static BridgeFocus focus(BridgePool pool, Map<String, CountDownLatch> offered) {
        return new BridgeFocus(pool, new BridgeFocus.Outbox() {
            @Override
            public void signal(String room, String session, String kind, ObjectNode payload) {
                CountDownLatch latch = offered.get(room);
                if (latch != null) {
                    latch.countDown();
                }
            }

            @Override
            public void channel(String room, String session, BridgeChannel channel) {
                // The bridge channel is the console's business; the allocation time is measured to the offers.
            }

            @Override
            public void notice(String room, String code, String message) {
                System.err.println("notice " + room + ": " + code + " " + message);
            }
        }, () -> UUID.randomUUID().toString());
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double ms(long[] sorted, double q) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
