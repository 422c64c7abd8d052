package org.tongke.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A rural uplink on loopback: the client's bytes go at most at {@code bitsPerSecond} (one shared
 * pace for every connection, as one line would) and the connection carrying them is cut after a
 * random amount, between {@code minCut} and {@code maxCut} bytes since the last cut (0: never).
 */
final class Link implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final long bitsPerSecond;
    private final long minCut;
    private final long maxCut;
    private final Random random = new Random(11);
    private final AtomicInteger cuts = new AtomicInteger();
    private long sent;
    private long nextCut;
    /** When the line is free again: idle time earns no credit, so the rate holds after every pause. */
    private long freeAt = System.nanoTime();
    private volatile boolean closed;

    Link(int target, long bitsPerSecond, long minCut, long maxCut) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.bitsPerSecond = bitsPerSecond;
        this.minCut = minCut;
        this.maxCut = maxCut;
        this.nextCut = pick();
        Thread t = new Thread(this::accept, "link");
        t.setDaemon(true);
        t.start();
    }

    private long pick() {
        return maxCut == 0 ? Long.MAX_VALUE : sent + minCut + (long) (random.nextDouble() * (maxCut - minCut));
    }

    int port() {
        return server.getLocalPort();
    }

    int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                start(() -> pump(client, upstream, true));
                start(() -> pump(upstream, client, false));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "link-pump");
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to, boolean up) {
        byte[] buffer = new byte[1460];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (up) {
                    boolean cut;
                    long wait;
                    synchronized (this) {
                        cut = sent + n >= nextCut;
                        if (cut) {
                            n = (int) (nextCut - sent);
                        }
                        sent += n;
                        long now = System.nanoTime();
                        // 50 ms of credit at most: absorbs sleeps that overshoot, never a burst after a pause.
                        freeAt = Math.max(freeAt, now - 50_000_000L) + n * 8L * 1_000_000_000L / bitsPerSecond;
                        wait = freeAt - now;
                        if (cut) {
                            nextCut = pick();
                            cuts.incrementAndGet();
                        }
                    }
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(buffer, 0, n);
                    if (cut) {
                        from.close();
                        to.close();
                        return;
                    }
                } else {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException | InterruptedException e) {
            // Cut, or the other side went away.
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
