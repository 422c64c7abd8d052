package org.tongke.signaling.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tongke.config.testing.LocalRedis;

/**
 * Signaling nodes in JVMs of their own ({@link ClusterNode}) on one real redis-server, for the
 * multi-node tests. Node ids carry a suffix unique to the test: under bin/test every test shares
 * one Redis. Each node logs to its file in a {@code multi-node*} temporary directory.
 */
public final class ClusterNodes implements AutoCloseable {
    /** Short, so that a killed node's rooms and agents go on elsewhere, or show offline, within a few seconds. */
    static final long LEASE_MILLIS = 2000;
    static final long GRACE_MILLIS = 20_000;
    /** The secret the nodes verify tokens with. */
    public static final byte[] SECRET = SignalingServerIT.SECRET;

    /** The nodes log what they do (rooms taken over, sessions resumed) to their file in the temporary directory. */
    private static final String LOGBACK = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} %X{roomId} - %msg%n</pattern></encoder>
              </appender>
              <logger name="org.tongke" level="INFO"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>""";

    private final LocalRedis redis;
    private final Path logs;
    private final String suffix;
    private final List<Process> nodes = new ArrayList<>();

    private ClusterNodes(LocalRedis redis, Path logs, String suffix) {
        this.redis = redis;
        this.logs = logs;
        this.suffix = suffix;
    }

    public static ClusterNodes start(String suffix) throws Exception {
        return new ClusterNodes(LocalRedis.start(), Files.createTempDirectory("multi-node"), suffix);
    }

    String redisUri() {
        return redis.uri();
    }

    /** The id the node started as {@code id} has. */
    String nodeId(String id) {
        return id + "-" + suffix;
    }

    /** Starts a node, with a plan file when {@code plan} is given; its port. */
    public int node(String id, Path... plan) throws Exception {
        return node(id, redis.uri(), plan);
    }

    /** Starts a node that reaches Redis at {@code redisUri} (through a proxy the test cuts); its port. */
    int node(String id, String redisUri, Path... plan) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = logs.resolve(id + ".log");
        Path logback = logs.resolve("logback.xml");
        Files.writeString(logback, LOGBACK);
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + logback, ClusterNode.class.getName(), redisUri, nodeId(id),
                Long.toString(LEASE_MILLIS), Long.toString(GRACE_MILLIS)));
        for (Path file : plan) {
            command.add(file.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        nodes.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && p.isAlive()) {
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("port ")) {
                    return Integer.parseInt(line.substring(5).trim());
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("node " + id + " did not start; its log:\n" + Files.readString(log));
    }

    /** The {@code n}th node started (0 first). */
    public Process process(int n) {
        return nodes.get(n);
    }

    @Override
    public void close() throws Exception {
        for (Process p : nodes) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        redis.close();
    }
}
