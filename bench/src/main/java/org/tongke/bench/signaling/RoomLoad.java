package org.tongke.bench.signaling;

import io.netty.buffer.ByteBuf;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Scenarios 2 and 3: lesson rooms of a lead teacher and four rural assistant teachers trading
 * chat lines, each line stamped with the generator's clock so that every member's copy of the
 * delta gives one relay latency. Paced: a fixed rate per connection. Flood: each connection
 * keeps a few of its own lines in flight and sends the next when its own copy comes back, up to
 * a cap per second (the server's rate limit). Against the echo server the same connections
 * send frames of the same size and shape as the chat deltas, and read them back.
 */
final class RoomLoad {
    /** Rooms set up at once. */
    static final int OPENING = 32;
    private static final String ECHO_PREFIX = "{\"v\":1,\"type\":\"delta\",\"seq\":1,\"room\":\"%s\",\"change\":"
            + "{\"kind\":\"chat\",\"entry\":{\"session\":\"00000000-0000-0000-0000-000000000000\",\"subject\":"
            + "\"classroom:bench-s0/c1\",\"classroom\":\"bench-s0/c1\",\"text\":\"";
    private static final String ECHO_SUFFIX = "\",\"at\":\"2026-11-22T23:59:00.123456789Z\"}}}";

    private final WsClients clients;
    private final BenchTokens tokens;
    private final Target target;
    private final Events events;
    private final int textChars;
    private final int frameBytes;
    private final long serverPid;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder sent = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final ConcurrentMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final List<Client> all = new ArrayList<>();
    private volatile boolean measuring;
    private volatile boolean stopped;
    /** Flood only, each slot touched by its client's event loop alone. */
    private int[] outstanding;
    private long[] nextSend;
    private boolean[] waiting;
    private int window;
    private long intervalNanos;

    /**
     * @param textChars  length of each chat line sent to the signaling server
     * @param frameBytes size of each echo frame (the chat delta's size in the signaling run)
     * @param serverPid  the server under test, whose CPU time is read at the edges of the measured window
     */
    RoomLoad(WsClients clients, BenchTokens tokens, Target target, Events events, int textChars, int frameBytes,
            long serverPid) {
        this.serverPid = serverPid;
        this.clients = clients;
        this.tokens = tokens;
        this.target = target;
        this.events = events;
        this.textChars = textChars;
        this.frameBytes = frameBytes;
    }

    /** Opens the rooms (signaling) or just the connections (echo), {@link BenchTokens#ROOM_SIZE} per room. */
    void setup(int rooms) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < rooms * BenchTokens.ROOM_SIZE; i++) {
            all.add(new Client(i, this::received));
        }
        Semaphore slots = new Semaphore(OPENING);
        List<CompletableFuture<Void>> opened = new ArrayList<>();
        for (int m = 0; m < rooms; m++) {
            slots.acquire();
            opened.add(openRoom(m).whenComplete((ok, e) -> slots.release()));
        }
        CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        events.emit("ready", "rooms", rooms, "connections", all.size(), "seconds",
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    private CompletableFuture<Void> openRoom(int m) {
        Client lead = all.get(m * BenchTokens.ROOM_SIZE);
        if (target == Target.ECHO) {
            List<CompletableFuture<Void>> each = new ArrayList<>();
            for (int k = 0; k < BenchTokens.ROOM_SIZE; k++) {
                Client c = all.get(m * BenchTokens.ROOM_SIZE + k);
                each.add(clients.connect(c).thenCompose(x -> x.request(target.hello("echo-" + c.index()), "hello")));
            }
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
        }
        String classrooms = IntStream.rangeClosed(1, BenchTokens.ASSISTANTS)
                .mapToObj(k -> "\"" + BenchTokens.classroom(m, k) + "\"").collect(Collectors.joining(","));
        String open = "{\"v\":1,\"type\":\"open-room\",\"room\":\"" + BenchTokens.room(m) + "\",\"title\":\"bench "
                + m + "\",\"classrooms\":[" + classrooms + "]}";
        String join = "{\"v\":1,\"type\":\"join\",\"room\":\"" + BenchTokens.room(m) + "\"}";
        return clients.connect(lead)
                .thenCompose(c -> c.request(target.hello(tokens.lead(m)), "welcome"))
                .thenCompose(x -> lead.request(open, "snapshot"))
                .thenCompose(x -> {
                    List<CompletableFuture<Void>> joined = new ArrayList<>();
                    for (int k = 1; k <= BenchTokens.ASSISTANTS; k++) {
                        Client a = all.get(m * BenchTokens.ROOM_SIZE + k);
                        String hello = target.hello(tokens.assistant(m, k));
                        joined.add(clients.connect(a).thenCompose(c -> c.request(hello, "welcome"))
                                .thenCompose(y -> a.request(join, "snapshot")));
                    }
                    return CompletableFuture.allOf(joined.toArray(CompletableFuture[]::new));
                });
    }

    /** Every connection sends {@code perSecond} lines a second, spread evenly. */
    void paced(double perSecond, int warmupSeconds, int seconds) throws Exception {
        long period = Math.round(1e9 / perSecond);
        Random random = new Random(2);
        for (Client c : all) {
            c.channel().eventLoop().scheduleAtFixedRate(() -> {
                if (!stopped) {
                    sendOne(c);
                }
            }, (long) (random.nextDouble() * period), period, TimeUnit.NANOSECONDS);
        }
        measure(warmupSeconds, seconds);
    }

    /** Each connection keeps {@code inFlight} own lines out; {@code capPerSecond} 0 for no cap. */
    void flood(int inFlight, double capPerSecond, int warmupSeconds, int seconds) throws Exception {
        window = inFlight;
        intervalNanos = capPerSecond <= 0 ? 0 : Math.round(1e9 / capPerSecond);
        outstanding = new int[all.size()];
        nextSend = new long[all.size()];
        waiting = new boolean[all.size()];
        for (Client c : all) {
            c.channel().eventLoop().execute(() -> pump(c));
        }
        measure(warmupSeconds, seconds);
    }

    /**
     * Counts deliveries over {@code seconds} after {@code warmupSeconds}, with the CPU the server
     * ({@code serverPid}) and this process spent meanwhile, read here at the window's edges.
     */
    private void measure(int warmupSeconds, int seconds) throws Exception {
        Thread.sleep(warmupSeconds * 1000L);
        long pid = ProcessHandle.current().pid();
        long serverStart = ProcStat.cpuTicks(serverPid);
        long ownStart = ProcStat.cpuTicks(pid);
        measuring = true;
        events.emit("measure-start");
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring = false;
        double elapsed = (System.nanoTime() - start) / 1e9;
        long serverCpu = ProcStat.cpuTicks(serverPid) - serverStart;
        long ownCpu = ProcStat.cpuTicks(pid) - ownStart;
        events.emit("measure-end");
        stopped = true;
        Thread.sleep(1000);
        long lost = all.stream().filter(c -> c.channel() != null && c.lost()).count();
        long n = delivered.sum();
        events.emit("result", "seconds", String.format("%.2f", elapsed), "sent", sent.sum(), "delivered", n,
                "frameBytes", n == 0 ? 0 : bytes.sum() / n, "p50", latency.percentile(0.5),
                "p90", latency.percentile(0.9), "p99", latency.percentile(0.99), "p999", latency.percentile(0.999),
                "max", latency.max(), "lost", lost, "errors", errorText(), "serverCpu", serverCpu,
                "generatorCpu", ownCpu);
    }

    /** Closes every connection once a line comes on {@code go} (the bench reads the server's counters first). */
    void close(BufferedReader go) throws Exception {
        go.readLine();
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        all.forEach(c -> closed.add(c.close()));
        try {
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.err.println("some room connections did not close within 30 s");
        }
    }

    private void pump(Client c) {
        int i = c.index();
        while (!stopped && outstanding[i] < window) {
            long now = System.nanoTime();
            if (intervalNanos > 0 && now < nextSend[i]) {
                if (!waiting[i]) {
                    waiting[i] = true;
                    c.channel().eventLoop().schedule(() -> {
                        waiting[i] = false;
                        pump(c);
                    }, nextSend[i] - now, TimeUnit.NANOSECONDS);
                }
                return;
            }
            sendOne(c);
            outstanding[i]++;
            nextSend[i] = Math.max(nextSend[i], now - intervalNanos) + intervalNanos;
        }
    }

    private void sendOne(Client c) {
        c.send(message(c.index(), new FramePeek.Stamp(System.nanoTime(), c.index())));
        if (measuring) {
            sent.increment();
        }
    }

    private String message(int index, FramePeek.Stamp stamp) {
        String room = BenchTokens.room(index / BenchTokens.ROOM_SIZE);
        if (target == Target.SIGNALING) {
            return "{\"v\":1,\"type\":\"chat\",\"room\":\"" + room + "\",\"text\":\"" + stamp.text(textChars) + "\"}";
        }
        String prefix = String.format(ECHO_PREFIX, room);
        return prefix + stamp.text(frameBytes - prefix.length() - ECHO_SUFFIX.length()) + ECHO_SUFFIX;
    }

    private void received(Client client, ByteBuf frame) {
        FramePeek.Stamp stamp = FramePeek.stamp(frame);
        if (stamp != null) {
            if (measuring) {
                latency.record((System.nanoTime() - stamp.sentNanos()) / 1000);
                delivered.increment();
                bytes.add(frame.readableBytes());
            }
            if (stamp.sender() == client.index() && window > 0) {
                outstanding[client.index()]--;
                pump(client);
            }
        } else if ("error".equals(FramePeek.string(frame, "type"))) {
            errors.computeIfAbsent(String.valueOf(FramePeek.string(frame, "code")), k -> new LongAdder()).increment();
        }
    }

    private String errorText() {
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((code, n) -> sorted.put(code, n.sum()));
        return sorted.isEmpty() ? "none" : sorted.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
