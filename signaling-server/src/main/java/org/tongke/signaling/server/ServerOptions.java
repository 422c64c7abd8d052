package org.tongke.signaling.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.tongke.signaling.ice.IceConfig;

/**
 * How a {@link SignalingServer} runs; immutable, every default a {@code DEFAULT_*} constant.
 *
 * @param port       0 for any free port
 * @param tlsCert    PEM certificate chain, with {@code tlsKey}; both null for plain WebSocket
 * @param heartbeat  how often clients ping; silent for two of these and a client is dropped
 * @param slowConsumerGrace how long a connection may stay unwritable before it is closed
 * @param ice        STUN and TURN servers handed to clients in {@code welcome}
 * @param resumeGrace how long a dropped session stays in its rooms (away), waiting to be resumed
 * @param bridges    Jitsi Videobridges' private HTTP APIs (Colibri2 over REST); none: every lesson peer to peer
 * @param recorder   where lessons held live are reported ({@code --recorder}); null: nowhere
 */
public record ServerOptions(int port, Path tlsCert, Path tlsKey, Duration heartbeat, int messagesPerSecond,
        int burst, Duration slowConsumerGrace, int maxRooms, IceConfig ice, Duration resumeGrace, java.util.List<java.net.URI> bridges,
        org.tongke.signaling.held.RecorderLink recorder) {
    public static final int DEFAULT_PORT = 8443;
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    /** Control messages come at a few a second; 50/s with a burst of 100 leaves room for chat and relays. */
    public static final int DEFAULT_MESSAGES_PER_SECOND = 50;
    public static final int DEFAULT_BURST = 100;
    public static final Duration DEFAULT_SLOW_CONSUMER_GRACE = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_ROOMS = 1000;
    /** A rural link that drops usually comes back within seconds; 30 s covers a router restart. */
    public static final Duration DEFAULT_RESUME_GRACE = Duration.ofSeconds(30);

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0 to 65535");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("TLS needs both a certificate and a key");
        }
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(slowConsumerGrace, "slowConsumerGrace");
        Objects.requireNonNull(ice, "ice");
        Objects.requireNonNull(resumeGrace, "resumeGrace");
        bridges = java.util.List.copyOf(bridges);
        if (resumeGrace.isNegative()) {
            throw new IllegalArgumentException("resume grace " + resumeGrace + " is negative");
        }
        if (heartbeat.toMillis() < 100 || messagesPerSecond < 1 || burst < 1 || maxRooms < 1) {
            throw new IllegalArgumentException("heartbeat, rate, burst and room limit must be positive");
        }
    }

    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_PORT, null, null, DEFAULT_HEARTBEAT, DEFAULT_MESSAGES_PER_SECOND,
                DEFAULT_BURST, DEFAULT_SLOW_CONSUMER_GRACE, DEFAULT_MAX_ROOMS, IceConfig.none(), DEFAULT_RESUME_GRACE,
                java.util.List.of(), null);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(newPort, tlsCert, tlsKey, heartbeat, messagesPerSecond, burst, slowConsumerGrace, maxRooms, ice, resumeGrace, bridges, recorder);
    }

    public ServerOptions withTls(Path cert, Path key) {
        return new ServerOptions(port, cert, key, heartbeat, messagesPerSecond, burst, slowConsumerGrace, maxRooms, ice, resumeGrace, bridges, recorder);
    }

    public ServerOptions withHeartbeat(Duration every) {
        return new ServerOptions(port, tlsCert, tlsKey, every, messagesPerSecond, burst, slowConsumerGrace, maxRooms, ice, resumeGrace, bridges, recorder);
    }

    public ServerOptions withRate(int perSecond, int burstSize) {
        return new ServerOptions(port, tlsCert, tlsKey, heartbeat, perSecond, burstSize, slowConsumerGrace, maxRooms, ice, resumeGrace, bridges, recorder);
    }

    public ServerOptions withIce(IceConfig iceServers) {
        return new ServerOptions(port, tlsCert, tlsKey, heartbeat, messagesPerSecond, burst, slowConsumerGrace, maxRooms,
                iceServers, resumeGrace, bridges, recorder);
    }

    public ServerOptions withResumeGrace(Duration grace) {
        return new ServerOptions(port, tlsCert, tlsKey, heartbeat, messagesPerSecond, burst, slowConsumerGrace, maxRooms, ice,
                grace, bridges, recorder);
    }

    public ServerOptions withBridges(java.util.List<java.net.URI> bridgeApis) {
        return new ServerOptions(port, tlsCert, tlsKey, heartbeat, messagesPerSecond, burst, slowConsumerGrace, maxRooms, ice,
                resumeGrace, bridgeApis, recorder);
    }

    public ServerOptions withRecorder(org.tongke.signaling.held.RecorderLink link) {
        return new ServerOptions(port, tlsCert, tlsKey, heartbeat, messagesPerSecond, burst, slowConsumerGrace, maxRooms, ice,
                resumeGrace, bridges, link);
    }

    public boolean tls() {
        return tlsCert != null;
    }
}
