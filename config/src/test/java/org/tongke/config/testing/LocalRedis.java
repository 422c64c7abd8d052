package org.tongke.config.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server for tests: the one {@code bin/test} started (TONGKE_TEST_REDIS_URI), or,
 * when a test runs alone, a private one started here on a free loopback port and stopped by
 * {@link #close()}. Never a mock: without redis-server the test fails and says why.
 */
public final class LocalRedis implements AutoCloseable {
    private final String uri;
    private final Process process;

    private LocalRedis(String uri, Process process) {
        this.uri = uri;
        this.process = process;
    }

    public static LocalRedis start() throws IOException, InterruptedException {
        String given = System.getenv("TONGKE_TEST_REDIS_URI");
        if (given != null && !given.isBlank()) {
            return new LocalRedis(given, null);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("redis-test");
        Process process;
        try {
            process = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is not installed: run the tests through bin/test,"
                    + " which installs it, or install the Debian package redis-server", e);
        }
        awaitPort(port, process);
        return new LocalRedis("redis://127.0.0.1:" + port, process);
    }

    private static void awaitPort(int port, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not answer on port " + port);
    }

    public String uri() {
        return uri;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
