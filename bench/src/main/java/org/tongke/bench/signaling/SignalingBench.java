package org.tongke.bench.signaling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongke.signaling.service.SignalingService;

/**
 * The signaling server's load benchmark. Starts the server (as {@code signaling serve} would)
 * and the plain Netty echo server as processes, then a {@link LoadGenerator} process per
 * scenario and target, and prints figures next to the echo baseline measured in the same run:
 * (1) agents held, heap and RSS per connection; (2) lesson rooms at a fixed chat rate, relay
 * latency; (3) the most messages a second delivered, against the echo server.
 *
 * <p>Arguments ({@code --name value}): {@code agents} (10000), {@code rooms} (200),
 * {@code room-rate} chat lines a second per room (20), {@code seconds} measured (20),
 * {@code hold-seconds} agents held (35: past two heartbeat intervals), {@code fill-agents} agents
 * weighed again with full replay buffers (1000; 0 to skip), {@code flood-seconds} (15),
 * {@code server-heap} (512m), {@code scenarios} (agents,rooms,flood).
 */
public final class SignalingBench {
    /** Each client's own pacing under the server's 50 a second per connection. */
    static final double FLOOD_CAP_PER_CONNECTION = 45;
    /** Enough in flight that the relay, not the round trip, bounds the rate, even when the machine is busy. */
    static final int FLOOD_IN_FLIGHT = 8;
    static final int TEXT_CHARS = 64;
    static final int WARMUP_SECONDS = 5;

    private final Args args;
    private final Path dir;
    private final Path secret;
    private final ChildProcess signaling;
    private final ChildProcess echo;
    private final int signalingPort;
    private final int echoPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private SignalingBench(Args args, Path dir, Path secret, ChildProcess signaling, ChildProcess echo)
            throws IOException {
        this.args = args;
        this.dir = dir;
        this.secret = secret;
        this.signaling = signaling;
        this.echo = echo;
        this.signalingPort = signaling.awaitPort();
        this.echoPort = echo.awaitPort();
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path dir = Files.createTempDirectory("signaling-bench");
        Path secret = dir.resolve("secret");
        Files.writeString(secret, Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(48)));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        List<String> serverJvm = List.of("-Xmx" + args.text("server-heap", "512m"));
        try (ChildProcess sig = ChildProcess.start("signaling", serverJvm, SignalingServerMain.class,
                List.of(secret.toString()), dir);
             ChildProcess echo = ChildProcess.start("echo", serverJvm, EchoServer.class, List.of(), dir)) {
            new SignalingBench(args, dir, secret, sig, echo).run();
        }
        System.out.println("  logs: " + dir);
        System.exit(0);
    }

    private void run() throws Exception {
        Set<String> scenarios = Set.of(args.text("scenarios", "agents,rooms,flood").split(","));
        System.out.printf("signaling load: %d cores shared by the server under test, the echo server (idle while the"
                + " other runs) and the load generator; servers -Xmx%s, generator -Xmx1g with %d event loops; %s %s%n",
                Runtime.getRuntime().availableProcessors(), args.text("server-heap", "512m"), LoadGenerator.THREADS,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        RunFigures.printLoad();
        if (scenarios.contains("agents")) {
            agents();
            RunFigures.printLoad();
        }
        Map<String, String> rooms = scenarios.contains("rooms") ? rooms() : Map.of();
        if (!rooms.isEmpty()) {
            RunFigures.printLoad();
        }
        if (scenarios.contains("flood")) {
            flood(rooms.isEmpty() ? 0 : Integer.parseInt(rooms.get("frameBytes")));
            RunFigures.printLoad();
        }
    }

    private void agents() throws Exception {
        int n = args.integer("agents", 10_000);
        int hold = args.integer("hold-seconds", 35);
        System.out.printf("(1) %,d agent connections (classroom-agent tokens; hello, then ping every 10 s),"
                + " held %d s%n",
                n, hold);
        long echoIdle = echo.heapAfterGc();
        long echoIdleRss = echo.residentBytes();
        Map<String, String> e = holdAgents(echo, echoPort, "echo", n, Math.min(hold, 5), 0);
        long sigIdle = signaling.heapAfterGc();
        long sigIdleRss = signaling.residentBytes();
        Map<String, String> s = holdAgents(signaling, signalingPort, "signaling", n, hold, 0);
        System.out.printf("  %-34s %22s %22s%n", "", "echo baseline", "signaling");
        System.out.printf("  %-34s %22s %22s%n", "welcomed / failed",
                e.get("welcomed") + " / " + e.get("failed"), s.get("welcomed") + " / " + s.get("failed"));
        System.out.printf("  %-34s %22s %22s%n", "connect time (s)", e.get("seconds"), s.get("seconds"));
        System.out.printf("  %-34s %22s %22s%n", "still open at the end of the hold", e.get("open"), s.get("open"));
        System.out.printf("  %-34s %22s %22s%n", "server says connections (/health)", "-", s.get("health"));
        System.out.printf("  %-34s %22s %22s%n", "pongs received", e.get("pongs"), s.get("pongs"));
        System.out.printf("  %-34s %22s %22s%n", "heap after GC, idle -> held (MiB)",
                RunFigures.mib(echoIdle) + " -> " + RunFigures.mib(Long.parseLong(e.get("heap"))),
                RunFigures.mib(sigIdle) + " -> " + RunFigures.mib(Long.parseLong(s.get("heap"))));
        System.out.printf("  %-34s %22s %22s%n", "RSS, idle -> held (MiB)",
                RunFigures.mib(echoIdleRss) + " -> " + RunFigures.mib(Long.parseLong(e.get("rss"))),
                RunFigures.mib(sigIdleRss) + " -> " + RunFigures.mib(Long.parseLong(s.get("rss"))));
        System.out.printf("  %-34s %22s %22s%n", "server's disconnects so far", "-", s.get("disconnects"));
        double eHeap = perConnection(e, "heap", echoIdle);
        double sHeap = perConnection(s, "heap", sigIdle);
        double eRss = perConnection(e, "rss", echoIdleRss);
        double sRss = perConnection(s, "rss", sigIdleRss);
        System.out.printf("  %-34s %22.1f %22.1f  = %.2fx echo%n", "heap per connection (KiB)", eHeap / 1024,
                sHeap / 1024, sHeap / eHeap);
        System.out.printf("  %-34s %22.1f %22.1f  = %.2fx echo%n", "RSS per connection (KiB)", eRss / 1024,
                sRss / 1024, sRss / eRss);
        int filled = args.integer("fill-agents", 1000);
        if (filled > 0) {
            fullReplayBuffers(filled);
        }
    }

    /**
     * Every message a session is sent is kept for a resume, pongs included, up to
     * {@link SignalingService#REPLAY_CAPACITY}: after that many heartbeats (about 43 minutes at one
     * every 10 s) an agent weighs more than when it has just connected.
     */
    private void fullReplayBuffers(int n) throws Exception {
        int fill = SignalingService.REPLAY_CAPACITY;
        long idle = signaling.heapAfterGc();
        long idleRss = signaling.residentBytes();
        Map<String, String> s = holdAgents(signaling, signalingPort, "signaling", n, 3, fill);
        double heap = perConnection(s, "heap", idle);
        double rss = perConnection(s, "rss", idleRss);
        int agents = args.integer("agents", 10_000);
        System.out.printf("(1b) %,d agents after %d pings each (%s s; %s pongs short), so that each session keeps"
                + " %d messages for a resume as after about %d minutes of heartbeats%n", n, fill, s.get("fillSeconds"),
                s.get("pongsShort"), fill, fill * 10 / 60);
        System.out.printf("  %-34s %22s %22.1f%n", "heap per connection (KiB)", "", heap / 1024);
        System.out.printf("  %-34s %22s %22.1f%n", "RSS per connection (KiB)", "", rss / 1024);
        System.out.printf("  %-34s %22s %22.0f%n", String.format("heap for %,d such agents (MiB)", agents), "",
                (idle + heap * agents) / 1048576);
    }

    private Map<String, String> holdAgents(ChildProcess server, int port, String target, int n, int hold, int fill)
            throws Exception {
        Map<String, String> seen = new HashMap<>();
        try (ChildProcess gen = generator(target, "agents", port, List.of("--agents", String.valueOf(n),
                "--hold-seconds", String.valueOf(hold), "--fill", String.valueOf(fill)))) {
            for (String line; (line = gen.readLine()) != null; ) {
                String event = Events.name(line);
                if (event == null) {
                    continue;
                }
                seen.putAll(Events.values(line));
                if (event.equals("holding")) {
                    seen.put("heap", String.valueOf(server.heapAfterGc()));
                    seen.put("rss", String.valueOf(server.residentBytes()));
                    seen.put("health", server == signaling ? health() : "-");
                    seen.put("disconnects", server == signaling ? disconnects() : "-");
                    gen.tell("go");
                }
            }
            requireExit(gen);
        }
        return seen;
    }

    private Map<String, String> rooms() throws Exception {
        int rooms = args.integer("rooms", 200);
        double rate = args.decimal("room-rate", 20);
        int seconds = args.integer("seconds", 20);
        int size = BenchTokens.ROOM_SIZE;
        System.out.printf("(2) %d lesson rooms of %d (a lead teacher opens the room, %d rural assistant teachers join),"
                + " %.0f chat lines a second per room (%.0f per member), each a delta to all %d;"
                + " %d s measured after %d s%n",
                rooms, size, size - 1, rate, rate / size, size, seconds, WARMUP_SECONDS);
        Map<String, String> s = paced(signaling, signalingPort, "signaling", rooms, rate / size, seconds, 0);
        int frameBytes = Integer.parseInt(s.get("frameBytes"));
        Map<String, String> e = paced(echo, echoPort, "echo", rooms, rate, seconds, frameBytes);
        System.out.printf("  %-34s %22s %22s%n", "", "echo, same frames/s", "signaling");
        RunFigures.printRun(e, s);
        return s;
    }

    private Map<String, String> paced(ChildProcess server, int port, String target, int rooms, double perConnection,
            int seconds, int frameBytes) throws Exception {
        return measured(server, target, "rooms", port, List.of("--rooms", String.valueOf(rooms),
                "--per-connection", String.valueOf(perConnection), "--seconds", String.valueOf(seconds),
                "--warmup-seconds", String.valueOf(WARMUP_SECONDS), "--text-chars", String.valueOf(TEXT_CHARS),
                "--frame-bytes", String.valueOf(frameBytes)));
    }

    private void flood(int knownFrameBytes) throws Exception {
        int rooms = args.integer("rooms", 200);
        int seconds = args.integer("flood-seconds", 15);
        System.out.printf("(3) most messages a second delivered: %,d connections (%d rooms of %d), each keeping %d own"
                + " lines in flight (signaling: at most %.0f a second per connection, under the server's 50);"
                + " echo frames of the chat delta's size%n", rooms * BenchTokens.ROOM_SIZE, rooms,
                BenchTokens.ROOM_SIZE,
                FLOOD_IN_FLIGHT, FLOOD_CAP_PER_CONNECTION);
        Map<String, String> s = measured(signaling, "signaling", "flood", signalingPort, floodArgs(rooms, seconds,
                FLOOD_CAP_PER_CONNECTION, 0));
        int frameBytes = knownFrameBytes > 0 ? knownFrameBytes : Integer.parseInt(s.get("frameBytes"));
        Map<String, String> e = measured(echo, "echo", "flood", echoPort, floodArgs(rooms, seconds, 0, frameBytes));
        System.out.printf("  %-34s %22s %22s%n", "", "echo baseline", "signaling");
        RunFigures.printRun(e, s);
        System.out.printf("  signaling delivers %.2fx the echo server's messages a second, %.2fx per server"
                + " CPU-second%n", RunFigures.rate(s, "delivered") / RunFigures.rate(e, "delivered"),
                RunFigures.perCpuSecond(s) / RunFigures.perCpuSecond(e));
        double allowed = FLOOD_CAP_PER_CONNECTION * rooms * BenchTokens.ROOM_SIZE;
        if (RunFigures.rate(s, "sent") > 0.9 * allowed) {
            System.out.printf("  the cap held the signaling clients to %,.0f sends a second (%,.0f allowed):"
                    + " the ratio is a floor, not the server's limit%n", RunFigures.rate(s, "sent"), allowed);
        }
    }

    private static List<String> floodArgs(int rooms, int seconds, double cap, int frameBytes) {
        return List.of("--rooms", String.valueOf(rooms), "--seconds", String.valueOf(seconds), "--warmup-seconds",
                String.valueOf(WARMUP_SECONDS), "--in-flight", String.valueOf(FLOOD_IN_FLIGHT), "--cap",
                String.valueOf(cap), "--text-chars", String.valueOf(TEXT_CHARS), "--frame-bytes",
                String.valueOf(frameBytes));
    }

    /** Runs a rooms or flood generator; reads the server's disconnect counters before it closes. */
    private Map<String, String> measured(ChildProcess server, String target, String mode, int port, List<String> more)
            throws Exception {
        Map<String, String> seen = new HashMap<>();
        List<String> a = new ArrayList<>(more);
        a.addAll(List.of("--server-pid", String.valueOf(server.pid())));
        try (ChildProcess gen = generator(target, mode, port, a)) {
            for (String line; (line = gen.readLine()) != null; ) {
                String event = Events.name(line);
                if (event != null) {
                    seen.putAll(Events.values(line));
                }
                if ("result".equals(event)) {
                    seen.put("disconnects", server == signaling ? disconnects() : "-");
                    gen.tell("go");
                }
            }
            requireExit(gen);
        }
        return seen;
    }

    private ChildProcess generator(String target, String mode, int port, List<String> more) throws IOException {
        List<String> a = new ArrayList<>(List.of("--mode", mode, "--target", target, "--port", String.valueOf(port),
                "--secret-file", secret.toString()));
        a.addAll(more);
        return ChildProcess.start("generator-" + mode + "-" + target, List.of("-Xmx1g"), LoadGenerator.class, a, dir);
    }

    private static void requireExit(ChildProcess gen) throws InterruptedException {
        int code = gen.awaitExit();
        if (code != 0) {
            throw new IllegalStateException("the load generator failed (exit " + code + "):\n" + gen.tail());
        }
    }

    private double perConnection(Map<String, String> run, String key, long idle) {
        return (Long.parseLong(run.get(key)) - idle) / Double.parseDouble(run.get("open"));
    }

    private String health() throws IOException, InterruptedException {
        return get("/health").replaceAll(".*\"connections\":(\\d+).*", "$1").trim();
    }

    /** The server's disconnect counters so far, from /metrics: {@code reason:n,...} (cumulative over the run). */
    private String disconnects() throws IOException, InterruptedException {
        String counts = get("/metrics").lines().filter(l -> l.startsWith("tongke_signaling_disconnects_total{"))
                .map(l -> l.replaceAll(".*reason=\"([^\"]+)\"} (\\d+).*", "$1:$2"))
                .collect(Collectors.joining(","));
        return counts.isEmpty() ? "none" : counts;
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + signalingPort + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

}
