package org.tongke.bench.signaling;

import io.netty.buffer.ByteBuf;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scenario 1: many classroom agents that say hello and ping every few seconds, held open while
 * the bench weighs the server, then closed.
 */
final class AgentLoad {
    /** Handshakes in flight at once: more only fills the server's accept queue. */
    static final int CONNECTING = 256;
    /** Pings a second per agent while filling: under the server's 50. */
    static final int FILL_RATE = 40;

    private final WsClients clients;
    private final BenchTokens tokens;
    private final Target target;
    private final Events events;
    private final LongAdder pongs = new LongAdder();

    AgentLoad(WsClients clients, BenchTokens tokens, Target target, Events events) {
        this.clients = clients;
        this.tokens = tokens;
        this.target = target;
        this.events = events;
    }

    /**
     * Connects {@code n}; when {@code fill} is above 0, has each send {@code fill} pings first (at
     * {@link #FILL_RATE} a second, under the server's limit) and waits for their pongs, as hours of
     * heartbeats would; holds them {@code holdSeconds}, waits for a line on {@code go}, closes them.
     */
    void run(int n, int pingSeconds, int holdSeconds, int fill, BufferedReader go) throws Exception {
        long start = System.nanoTime();
        List<Client> welcomed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        Semaphore slots = new Semaphore(CONNECTING);
        List<CompletableFuture<Void>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            slots.acquire();
            Client client = new Client(i, this::received);
            String hello = target.hello(target == Target.ECHO ? "agent-" + i : tokens.agent(i));
            all.add(clients.connect(client)
                    .thenCompose(c -> c.request(hello, target.welcomeType()))
                    .handle((ok, e) -> {
                        slots.release();
                        if (e == null) {
                            welcomed.add(client);
                        } else if (failed.incrementAndGet() <= 3) {
                            System.err.println("agent " + client.index() + " failed: " + e);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        double connectSeconds = (System.nanoTime() - start) / 1e9;
        if (fill > 0) {
            fill(welcomed, fill);
        }
        Random random = new Random(1);
        for (Client c : welcomed) {
            long first = random.nextInt(pingSeconds * 1000);
            c.channel().eventLoop().scheduleAtFixedRate(() -> c.send(target.ping(System.currentTimeMillis())), first,
                    pingSeconds * 1000L, TimeUnit.MILLISECONDS);
        }
        events.emit("connected", "welcomed", welcomed.size(), "failed", failed.get(), "seconds",
                String.format("%.1f", connectSeconds));
        Thread.sleep(holdSeconds * 1000L);
        long lost = welcomed.stream().filter(Client::lost).count();
        events.emit("holding", "open", welcomed.size() - lost, "lost", lost, "pongs", pongs.sum());
        go.readLine();
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (Client c : welcomed) {
            closed.add(c.close());
        }
        try {
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.err.println("some agents did not close within 30 s");
        }
        events.emit("done", "pongs", pongs.sum());
    }

    private void fill(List<Client> welcomed, int fill) throws InterruptedException {
        long start = System.nanoTime();
        long expected = pongs.sum() + (long) welcomed.size() * fill;
        List<ScheduledFuture<?>> senders = new ArrayList<>();
        for (Client c : welcomed) {
            AtomicInteger left = new AtomicInteger(fill);
            senders.add(c.channel().eventLoop().scheduleAtFixedRate(() -> {
                if (left.getAndDecrement() > 0) {
                    c.send(target.ping(System.currentTimeMillis()));
                }
            }, 0, 1000 / FILL_RATE, TimeUnit.MILLISECONDS));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (pongs.sum() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        senders.forEach(f -> f.cancel(false));
        events.emit("filled", "pings", fill, "pongsShort", Math.max(0, expected - pongs.sum()), "fillSeconds",
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    private void received(Client client, ByteBuf frame) {
        if (target.pongType().equals(FramePeek.string(frame, "type"))) {
            pongs.increment();
        }
    }
}
