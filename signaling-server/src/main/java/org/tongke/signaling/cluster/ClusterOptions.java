package org.tongke.signaling.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a node joins the others over Redis ({@code --redis}).
 *
 * @param redisUri {@code redis://HOST:PORT}
 * @param node     this node's id, unique among the nodes: its channel is {@code tongke:node:<node>}
 * @param lease    how long a room's owner lease lasts unrenewed: how long after a node dies its
 *                 rooms go on elsewhere (renewed every third of it)
 */
public record ClusterOptions(String redisUri, String node, Duration lease) {
    /** Short enough that a lesson carries on within seconds of a node's death, long enough for a GC pause. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public ClusterOptions {
        Objects.requireNonNull(redisUri, "redisUri");
        if (node == null || !NODE_ID.matcher(node).matches()) {
            throw new IllegalArgumentException("--node-id " + node + " must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (lease.compareTo(Duration.ofMillis(300)) < 0 || lease.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("--room-lease " + lease + " must be 300 ms to 5 minutes");
        }
    }

    /** {@code hostname-pid}: unique as long as no two nodes share a host name and process id. */
    public static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String id = host.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + ProcessHandle.current().pid();
        return id.length() > 64 ? id.substring(id.length() - 64) : id;
    }

    /** How often the leases are renewed and dead owners looked for. */
    public long tickMillis() {
        return Math.max(100, lease.toMillis() / 3);
    }
}
