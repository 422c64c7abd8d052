package org.tongke.config.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;

/**
 * A rural uplink on loopback, in front of a server: the client's bytes go at most at
 * {@code bitsPerSecond} (one pace shared by every connection, as one line would; 0: no limit),
 * and the connection carrying them is cut at a random point between {@code minCut} and
 * {@code maxCut} bytes after the last cut, at most {@code maxCuts} times (seeded, so a run's cuts
 * fall where another's did). What the server sends back is not held.
 */
public final class RuralLink implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final long bitsPerSecond;
    private final long minCut;
    private final long maxCut;
    private final Random random;
    private int cutsLeft;
    private int cutsMade;
    private long forwarded;
    private long nextCut;
    /** When the line is free again: idle time earns no credit, so the rate holds after every pause. */
    private long freeAt = System.nanoTime();
    private volatile boolean closed;

    public RuralLink(int target, long bitsPerSecond, long seed, int maxCuts, long minCut, long maxCut)
            throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.bitsPerSecond = bitsPerSecond;
        this.minCut = minCut;
        this.maxCut = maxCut;
        this.random = new Random(seed);
        this.cutsLeft = maxCuts;
        this.nextCut = pick();
        Thread t = new Thread(this::accept, "rural-link");
        t.setDaemon(true);
        t.start();
    }

    /** A link that only holds the rate. */
    public static RuralLink paced(int target, long bitsPerSecond) throws IOException {
        return new RuralLink(target, bitsPerSecond, 0, 0, 0, 0);
    }

    private long pick() {
        return cutsLeft <= 0 ? Long.MAX_VALUE : forwarded + minCut + (long) (random.nextDouble() * (maxCut - minCut));
    }

    public int port() {
        return server.getLocalPort();
    }

    public synchronized int cuts() {
        return cutsMade;
    }

    /** Bytes relayed from clients to the server. */
    public synchronized long forwarded() {
        return forwarded;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
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
        Thread t = new Thread(r, "rural-link-pump");
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to, boolean up) {
        byte[] buffer = new byte[1460];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                boolean cut = false;
                long wait = 0;
                if (up) {
                    synchronized (this) {
                        cut = forwarded + n >= nextCut;
                        if (cut) {
                            n = (int) (nextCut - forwarded);
                            cutsLeft--;
                            cutsMade++;
                        }
                        forwarded += n;
                        if (cut) {
                            nextCut = pick();
                        }
                        if (bitsPerSecond > 0) {
                            long now = System.nanoTime();
                            // 50 ms of credit at most: absorbs sleeps that overshoot, never a burst after a pause.
                            freeAt = Math.max(freeAt, now - 50_000_000L) + n * 8L * 1_000_000_000L / bitsPerSecond;
                            wait = freeAt - now;
                        }
                    }
                }
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                out.write(buffer, 0, n);
                if (cut) {
                    return;
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
