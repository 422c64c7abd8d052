package org.tongke.signaling.service;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tongke.signaling.auth.Identity;
import org.tongke.signaling.auth.TokenRejected;
import org.tongke.signaling.auth.TokenVerifier;
import org.tongke.signaling.ice.IceConfig;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.protocol.CloseCodes;
import org.tongke.signaling.protocol.ErrorCode;
import org.tongke.signaling.protocol.Inbound;
import org.tongke.signaling.protocol.Invalid;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.room.Room;
import org.tongke.signaling.room.RoomException;
import org.tongke.signaling.room.RoomRegistry;

/**
 * The server's behaviour, one call per event of a connection: opened, a message received,
 * closed. Thread-safe; each connection's calls come in order from its own event loop.
 */
public final class SignalingService {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingService.class);
    private static final String NO_ROLE = "none";

    private final TokenVerifier tokens;
    private final RoomRegistry rooms;
    private final SignalingMetrics metrics;
    private final long heartbeatSeconds;
    private final RoomActions actions;
    private final IceConfig ice;
    private final Clock clock;
    private final ConcurrentMap<String, Connection> unwelcomed = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();

    /** Without STUN or TURN servers. */
    public SignalingService(TokenVerifier tokens, RoomRegistry rooms, SignalingMetrics metrics, Duration heartbeat) {
        this(tokens, rooms, metrics, heartbeat, IceConfig.none(), Clock.systemUTC());
    }

    /** @param clock dates the TURN credentials each welcome carries */
    public SignalingService(TokenVerifier tokens, RoomRegistry rooms, SignalingMetrics metrics, Duration heartbeat,
            IceConfig ice, Clock clock) {
        this.ice = Objects.requireNonNull(ice, "ice");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.heartbeatSeconds = Math.max(1, heartbeat.toSeconds());
        this.actions = new RoomActions(rooms);
        metrics.gauges(this::connectionsByRole, rooms::size);
    }

    public void opened(Connection connection) {
        unwelcomed.put(connection.id(), connection);
    }

    public void received(Connection connection, Inbound inbound) {
        Session session = sessions.get(connection.id());
        if (inbound instanceof Invalid invalid) {
            refuse(connection, invalid.code().name(), invalid.message(), invalid.ref());
            if (invalid.code() == ErrorCode.UNSUPPORTED_VERSION) {
                connection.close(CloseCodes.PROTOCOL_ERROR, invalid.code().name());
            }
        } else if (session == null) {
            greet(connection, (ClientMessage) inbound);
        } else if (inbound instanceof ClientMessage.Hello) {
            refuse(connection, ErrorCode.ALREADY_WELCOMED.name(), "this connection said hello already", "hello");
        } else if (inbound instanceof ClientMessage.Ping ping) {
            connection.send(new ServerMessage.Pong(ping.t()));
        } else {
            act(session, (ClientMessage.ForRoom) inbound);
        }
    }

    /** Leaves every room the connection was in, telling each. */
    public void closed(Connection connection, String reason) {
        metrics.disconnect(reason);
        unwelcomed.remove(connection.id());
        Session session = sessions.remove(connection.id());
        if (session != null) {
            for (String roomId : session.rooms()) {
                rooms.find(roomId).ifPresent(room -> actions.leave(session, room, reason));
            }
            LOG.info("Session {} ({} {}) closed: {}", connection.id(), session.identity().role().word(),
                    session.identity().subject(), reason);
        }
    }

    public Health health() {
        return new Health("ok", unwelcomed.size() + sessions.size(), rooms.size());
    }

    public SignalingMetrics metrics() {
        return metrics;
    }

    private void greet(Connection connection, ClientMessage message) {
        if (!(message instanceof ClientMessage.Hello hello)) {
            refuse(connection, ErrorCode.HELLO_FIRST.name(), "say hello with a token first", null);
            connection.close(CloseCodes.POLICY_VIOLATION, ErrorCode.HELLO_FIRST.name());
            return;
        }
        Identity identity;
        try {
            identity = tokens.verify(hello.token());
        } catch (TokenRejected e) {
            String code = ErrorCode.token(e.problem());
            LOG.info("Connection {} refused: {} ({})", connection.id(), code, e.getMessage());
            refuse(connection, code, e.getMessage(), "hello");
            connection.close(CloseCodes.TOKEN_REFUSED, code);
            return;
        }
        unwelcomed.remove(connection.id());
        sessions.put(connection.id(), new Session(connection, identity));
        connection.send(new ServerMessage.Welcome(connection.id(), identity.role().word(), identity.scope().text(),
                identity.subject(), heartbeatSeconds, ice.servers(identity.subject(), clock.instant())));
        LOG.info("Session {} welcomed: {} {} ({})", connection.id(), identity.role().word(), identity.subject(),
                identity.scope().text());
    }

    private void act(Session session, ClientMessage.ForRoom message) {
        MDC.put("roomId", message.room());
        try {
            actions.apply(session, message);
        } catch (RoomException e) {
            refuse(session.connection(), e.problem().name(), e.getMessage(), RoomActions.typeOf(message));
        } catch (RuntimeException e) {
            LOG.error("Message {} of session {} failed", RoomActions.typeOf(message), session.connection().id(), e);
            refuse(session.connection(), ErrorCode.INTERNAL.name(), "the server failed; see its log", null);
        } finally {
            MDC.remove("roomId");
        }
    }

    private void refuse(Connection connection, String code, String message, String ref) {
        metrics.error(code);
        connection.send(new ServerMessage.Error(code, message, ref));
    }

    private Map<String, Integer> connectionsByRole() {
        Map<String, Integer> byRole = new HashMap<>();
        byRole.put(NO_ROLE, unwelcomed.size());
        sessions.values().forEach(s -> byRole.merge(s.identity().role().word(), 1, Integer::sum));
        return byRole;
    }

    /** What {@code /health} says. */
    public record Health(String status, int connections, int rooms) {
    }
}
