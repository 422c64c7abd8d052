package org.tongke.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay that plays a rural link: it cuts every connection at a random point of what the
 * client sends (between {@code minBytes} and {@code maxBytes} after the last cut), up to
 * {@code cuts} times, and can hold the client's bytes to a rate (bits per second, 0: none).
 */
public final class CuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final Random random;
    private final long minBytes;
    private final long maxBytes;
    private final AtomicInteger cutsLeft;
    private final AtomicInteger cutsMade = new AtomicInteger();
    private final AtomicLong forwarded = new AtomicLong();
    private final long bitsPerSecond;
    private volatile long nextCutAt;
    private volatile boolean closed;

    public CuttingProxy(int targetPort, long seed, int cuts, long minBytes, long maxBytes, long bitsPerSecond)
            throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.random = new Random(seed);
        this.minBytes = minBytes;
        this.maxBytes = maxBytes;
        this.cutsLeft = new AtomicInteger(cuts);
        this.bitsPerSecond = bitsPerSecond;
        this.nextCutAt = pick();
        Thread t = new Thread(this::accept, "cutting-proxy");
        t.setDaemon(true);
        t.start();
    }

    private long pick() {
        return forwarded.get() + minBytes + (long) (random.nextDouble() * (maxBytes - minBytes));
    }

    public int port() {
        return server.getLocalPort();
    }

    public int cuts() {
        return cutsMade.get();
    }

    /** Bytes relayed from clients to the server. */
    public long forwarded() {
        return forwarded.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Thread up = new Thread(() -> pump(client, upstream, true), "proxy-up");
                Thread down = new Thread(() -> pump(upstream, client, false), "proxy-down");
                up.setDaemon(true);
                down.setDaemon(true);
                up.start();
                down.start();
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean upstream) {
        byte[] buffer = new byte[4096];
        // When the line is free again: time spent waiting for an answer earns no credit, so a
        // request after a pause goes at the rate too, not in a burst.
        long freeAt = System.nanoTime();
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                int len = n;
                if (upstream) {
                    synchronized (this) {
                        if (cutsLeft.get() > 0 && forwarded.get() + len >= nextCutAt) {
                            len = (int) Math.max(0, nextCutAt - forwarded.get());
                            out.write(buffer, 0, len);
                            out.flush();
                            forwarded.addAndGet(len);
                            cutsLeft.decrementAndGet();
                            cutsMade.incrementAndGet();
                            nextCutAt = pick();
                            from.close();
                            to.close();
                            return;
                        }
                    }
                    forwarded.addAndGet(len);
                    if (bitsPerSecond > 0) {
                        long now = System.nanoTime();
                        freeAt = Math.max(freeAt, now) + len * 8L * 1_000_000_000L / bitsPerSecond;
                        long wait = freeAt - now;
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    }
                }
                out.write(buffer, 0, len);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The other side went away, or this side was cut.
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
