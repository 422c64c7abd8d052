package org.tongke.signaling.service;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.TokenRejected;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.plan.PlanStatus;
import org.tongke.signaling.agent.AgentRefusal;
import org.tongke.signaling.agent.ClassroomAgents;
import org.tongke.signaling.cluster.NodeMessage;
import org.tongke.signaling.cluster.RedisAgents;
import org.tongke.signaling.cluster.RedisNodes;
import org.tongke.signaling.ice.IceConfig;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.protocol.CloseCodes;
import org.tongke.signaling.protocol.ErrorCode;
import org.tongke.signaling.protocol.Inbound;
import org.tongke.signaling.protocol.Invalid;
import org.tongke.signaling.protocol.Sequenced;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.room.Room;
import org.tongke.signaling.room.RoomException;
import org.tongke.signaling.room.RoomRegistry;
import org.tongke.signaling.schedule.LessonRooms;
import org.tongke.signaling.schedule.ScheduleSource;

/**
 * The server's behaviour, one call per event of a connection: opened, a message received,
 * closed. Thread-safe; each connection's calls come in order from its own event loop.
 */
public final class SignalingService {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingService.class);
    private static final String NO_ROLE = "none";
    /** How long a dropped session waits to be resumed. */
    public static final Duration DEFAULT_RESUME_GRACE = Duration.ofSeconds(30);
    /** Messages kept per session for replay on resume; older gaps get a fresh snapshot. */
    public static final int REPLAY_CAPACITY = 256;
    /**
     * Why the sessions of a node stopping with {@code --redis} are away: they stay resumable, on
     * another node, for the grace period.
     */
    public static final String NODE_STOPPING = NodeRouting.NODE_STOPPING;

    private final TokenVerifier tokens;
    private final RoomRegistry rooms;
    private final SignalingMetrics metrics;
    private final long heartbeatSeconds;
    private final RoomActions actions;
    private final IceConfig ice;
    private final Clock clock;
    private final Duration resumeGrace;
    private final ClassroomAgents agents;
    /** Connections before hello, with the seq of the last message each was sent. */
    private final ConcurrentMap<String, AtomicLong> unwelcomed = new ConcurrentHashMap<>();
    /** Sessions by the id of the connection they are on now. */
    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
    /** Every live session, connected or away, by session id. */
    private final ConcurrentMap<String, Session> byId = new ConcurrentHashMap<>();
    private final MediaBridging bridging;
    /** Rooms across nodes over Redis; null on a single node. */
    private volatile NodeRouting routing;
    private volatile Supplier<PlanStatus> plan;
    /** Classroom agents across nodes over Redis; null on a single node. */
    private volatile RedisAgents agentsElsewhere;

    /** Without STUN or TURN servers. */
    public SignalingService(TokenVerifier tokens, RoomRegistry rooms, SignalingMetrics metrics, Duration heartbeat) {
        this(tokens, rooms, metrics, heartbeat, IceConfig.none(), Clock.systemUTC());
    }

    /** @param clock dates the TURN credentials each welcome carries */
    public SignalingService(TokenVerifier tokens, RoomRegistry rooms, SignalingMetrics metrics, Duration heartbeat,
            IceConfig ice, Clock clock) {
        this(tokens, rooms, metrics, heartbeat, ice, clock, DEFAULT_RESUME_GRACE);
    }

    /** @param resumeGrace how long a dropped session may be resumed; its rooms see it away meanwhile */
    public SignalingService(TokenVerifier tokens, RoomRegistry rooms, SignalingMetrics metrics, Duration heartbeat,
            IceConfig ice, Clock clock, Duration resumeGrace) {
        this(tokens, rooms, metrics, heartbeat, ice, clock, resumeGrace, new ClassroomAgents(ScheduleSource.none(), clock));
    }

    /** @param agents the recording classrooms' agents, with the schedules they are sent */
    public SignalingService(TokenVerifier tokens, RoomRegistry rooms, SignalingMetrics metrics, Duration heartbeat,
            IceConfig ice, Clock clock, Duration resumeGrace, ClassroomAgents agents) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.resumeGrace = Objects.requireNonNull(resumeGrace, "resumeGrace");
        this.ice = Objects.requireNonNull(ice, "ice");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.heartbeatSeconds = Math.max(1, heartbeat.toSeconds());
        this.bridging = new MediaBridging(rooms);
        this.actions = new RoomActions(rooms, bridging);
        metrics.gauges(this::connectionsByRole, rooms::size);
        metrics.classrooms(agents::countByState);
    }

    /**
     * Shares rooms and sessions with other nodes through {@code nodes} ({@code --redis}); call
     * before the server starts. What other nodes say comes in through {@link #fromNode}.
     */
    public void cluster(RedisNodes nodes) {
        routing = new NodeRouting(nodes, rooms, actions, byId, clock, resumeGrace, metrics);
        agentsElsewhere = nodes.agents();
        agents.cluster(agentsElsewhere);
    }

    /**
     * A node stopping cleanly gives up the leases of the rooms it still holds (with members on other
     * nodes), stored as they are, so that those nodes take them over at once rather than when the
     * leases run out. Done when Redis has it; on a single node at once.
     */
    public CompletionStage<Void> handOverRooms() {
        NodeRouting r = routing;
        return r == null ? CompletableFuture.completedFuture(null) : r.handOver();
    }

    /** Which node opens each room of the timetable: this one alone, or the winner of the room's lease. */
    public LessonRooms.Claims roomClaims() {
        NodeRouting r = routing;
        return r == null ? LessonRooms.Claims.SINGLE_NODE : r.claims();
    }

    /** A message of another node (Lettuce's thread, in the order sent). */
    public void fromNode(NodeMessage message) {
        NodeRouting r = routing;
        if (r == null) {
            return;
        }
        if (message instanceof NodeMessage.Command command) {
            agentsElsewhere.received(command, agents);
        } else {
            r.received(message);
        }
    }

    /** Renews this node's leases and finds rooms whose owner died; run every third of a lease. */
    public void clusterTick() {
        NodeRouting r = routing;
        if (r != null) {
            r.tick();
            agents.tick();
        }
    }

    public void opened(Connection connection) {
        unwelcomed.put(connection.id(), new AtomicLong());
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
            session.reply(new ServerMessage.Pong(ping.t(), clock.millis()));
            agents.heard(session);
        } else if (inbound instanceof ClientMessage.ForRoom forRoom) {
            act(session, forRoom);
        } else {
            agentAction(session, (ClientMessage) inbound);
        }
    }

    /**
     * The connection ended. When {@code resumable} (it dropped, or went silent) its session stays
     * in its rooms, away, for the grace period; otherwise it leaves every room, telling each.
     */
    public void closed(Connection connection, String reason, boolean resumable) {
        metrics.disconnect(reason);
        unwelcomed.remove(connection.id());
        Session session = sessions.remove(connection.id());
        if (session == null) {
            return;
        }
        if (resumable && session.detach(connection, clock.instant(), reason)) {
            agents.away(session);
            session.rooms().forEach(id -> rooms.find(id).ifPresentOrElse(room -> {
                room.away(session.id(), reason);
                changed(id);
            }, () -> {
                if (routing != null) {
                    routing.presence(session, id, NodeMessage.Presence.AWAY, reason, false);
                }
            }));
            LOG.info("Session {} ({} {}) away: {}", session.id(), session.identity().role().word(),
                    session.identity().subject(), reason);
        } else if (session.end(connection)) {
            leaveAll(session, reason);
            LOG.info("Session {} ({} {}) closed: {}", session.id(), session.identity().role().word(),
                    session.identity().subject(), reason);
        }
    }

    /** Ends the sessions away for the grace period or more: their rooms see them leave. Run it often. */
    public void expireAway() {
        for (Session session : byId.values()) {
            if (session.expire(clock.instant(), resumeGrace)) {
                leaveAll(session, session.awayReason());
                LOG.info("Session {} expired: not resumed within {}", session.id(), resumeGrace);
            }
        }
    }

    public Duration resumeGrace() {
        return resumeGrace;
    }

    private void leaveAll(Session session, String reason) {
        byId.remove(session.id(), session);
        for (String roomId : session.rooms()) {
            rooms.find(roomId).ifPresentOrElse(room -> {
                actions.leave(session, room, reason);
                changed(roomId);
            }, () -> {
                if (routing != null) {
                    routing.presence(session, roomId, NodeMessage.Presence.LEAVE, reason,
                            false);
                }
            });
        }
        if (routing != null) {
            routing.ended(session);
        }
        agents.ended(session);
    }

    /** After a change of a room held here: other nodes can find it as it is now. */
    private void changed(String roomId) {
        if (routing != null) {
            routing.changed(roomId);
        }
    }

    public ClassroomAgents agents() {
        return agents;
    }

    public TokenVerifier tokens() {
        return tokens;
    }

    public Health health() {
        return new Health("ok", unwelcomed.size() + sessions.size(), rooms.size());
    }

    /** This node's id and whether Redis answers; empty on a single node (no {@code --redis}). */
    /** The plan the timetable follows, shown on {@code /health}; none when the node serves no timetable. */
    public void plan(Supplier<PlanStatus> status) {
        plan = Objects.requireNonNull(status, "status");
    }

    /** What {@code /health} shows as {@code plan}: source, version, loadedAt, loads, failures[, lastFailure]. */
    public Optional<PlanStatus> planStatus() {
        Supplier<PlanStatus> p = plan;
        return p == null ? Optional.empty() : Optional.of(p.get());
    }

    public Optional<NodeHealth> nodeHealth() {
        NodeRouting r = routing;
        return r == null ? Optional.empty() : Optional.of(new NodeHealth(r.node(), r.redisReachable()));
    }

    /** What {@code /health} adds with {@code --redis}. */
    public record NodeHealth(String node, boolean redis) {
    }

    /**
     * Lessons of three classrooms or more go through {@code focus}'s bridges; call before the
     * server starts. The focus must have been made with {@link #bridgeOutbox()}.
     */
    public void bridgeWith(org.tongke.signaling.bridge.BridgeFocus focus) {
        bridging.use(focus);
    }

    /** Where a bridge focus delivers its offers and notices: the rooms of this service. */
    public org.tongke.signaling.bridge.BridgeFocus.Outbox bridgeOutbox() {
        return bridging.outbox();
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
        if (hello.resume() != null && routing != null && !byId.containsKey(hello.resume().session())) {
            resumeFromElsewhere(connection, identity, hello.resume());
            return;
        }
        if (hello.resume() != null && resume(connection, identity, hello.resume())) {
            return;
        }
        welcomeFresh(connection, identity);
    }

    private void welcomeFresh(Connection connection, Identity identity) {
        AtomicLong seq = unwelcomed.remove(connection.id());
        Session session = new Session(connection, identity, seq == null ? 0 : seq.get(), REPLAY_CAPACITY);
        sessions.put(connection.id(), session);
        byId.put(session.id(), session);
        session.welcome(welcome(session, identity, null));
        agents.welcomed(session);
        if (routing != null) {
            routing.save(session);
        }
        LOG.info("Session {} welcomed: {} {} ({})", session.id(), identity.role().word(), identity.subject(),
                identity.scope().text());
    }

    /**
     * A resume of a session this node does not hold: another node's (it died, or the client moved
     * here). Found in Redis, the session is taken over with the same id: the old node closes its
     * connection (4004), each room sees it {@code back} and sends a fresh snapshot, since the
     * messages it missed were kept on the other node. Not found: a fresh session.
     */
    private void resumeFromElsewhere(Connection connection, Identity identity, ClientMessage.Resume resume) {
        NodeRouting r = routing;
        r.stored(resume.session()).whenComplete((found, failure) -> {
            try {
                takeOver(connection, identity, resume, found, failure);
            } catch (RuntimeException e) {
                LOG.error("Taking over session {} failed", resume.session(), e);
                refuse(connection, ErrorCode.INTERNAL.name(), "the server failed; see its log", "hello");
            }
        });
    }

    private void takeOver(Connection connection, Identity identity, ClientMessage.Resume resume,
            Optional<NodeMessage.StoredSession> found, Throwable failure) {
        NodeRouting r = routing;
        if (failure != null) {
            LOG.warn("Redis failed to find session {}: {}", resume.session(), failure.getMessage());
        }
        if (!unwelcomed.containsKey(connection.id())) {
            return;
        }
        if (failure != null || found.isEmpty()) {
            metrics.resume("fresh");
            welcomeFresh(connection, identity);
            return;
        }
        NodeMessage.StoredSession stored = found.get();
        Identity was = stored.who().identity();
        if (!was.subject().equals(identity.subject()) || was.role() != identity.role()) {
            LOG.info("Connection {} refused the resume of session {}: another subject or role", connection.id(),
                    stored.session());
            metrics.resume("refused");
            refuse(connection, ErrorCode.RESUME_REFUSED.name(), "session " + resume.session()
                    + " is not yours; say hello without resume", "hello");
            return;
        }
        unwelcomed.remove(connection.id());
        long lastSeq = resume.lastSeq() == null ? 0 : resume.lastSeq();
        Session session = new Session(stored.session(), connection, identity, lastSeq, REPLAY_CAPACITY);
        sessions.put(connection.id(), session);
        byId.put(session.id(), session);
        r.resumedHere(session.id(), stored.node());
        session.welcomeTakenOver(welcome(session, identity, ServerMessage.Welcome.REPLAY_SNAPSHOT));
        for (String roomId : stored.rooms()) {
            session.rooms().add(roomId);
            rooms.find(roomId).ifPresentOrElse(room -> {
                if (!r.back(session, room)) {
                    session.rooms().remove(roomId);
                }
            }, () -> r.presence(session, roomId, NodeMessage.Presence.BACK, null,
                    true));
        }
        r.save(session);
        agents.resumed(session);
        agents.rooms(session, session.rooms());
        metrics.resume("snapshot");
        LOG.info("Session {} taken over from node {} on connection {} (snapshot)", session.id(), stored.node(),
                connection.id());
    }

    /**
     * True when the hello resumed its session, or was refused as someone else's (the connection
     * stays unwelcomed); false when the session is unknown or expired: the caller starts a fresh one.
     */
    private boolean resume(Connection connection, Identity identity, ClientMessage.Resume resume) {
        Session session = byId.get(resume.session());
        if (session == null) {
            metrics.resume("fresh");
            return false;
        }
        if (!session.identity().subject().equals(identity.subject())
                || session.identity().role() != identity.role()) {
            LOG.info("Connection {} refused the resume of session {}: another subject or role", connection.id(),
                    session.id());
            metrics.resume("refused");
            refuse(connection, ErrorCode.RESUME_REFUSED.name(), "session " + resume.session()
                    + " is not yours; say hello without resume", "hello");
            return true;
        }
        Optional<Session.Resumed> resumed = session.resume(connection, resume.lastSeq(), clock.instant(),
                resumeGrace, replay -> welcome(session, identity, replay));
        if (resumed.isEmpty()) {
            expireAway();
            metrics.resume("fresh");
            return false;
        }
        unwelcomed.remove(connection.id());
        sessions.put(connection.id(), session);
        boolean snapshot = resumed.get().snapshot();
        for (String roomId : session.rooms()) {
            Optional<Room> here = rooms.find(roomId);
            if (here.isEmpty() && routing != null) {
                routing.presence(session, roomId, NodeMessage.Presence.BACK, null, snapshot);
                continue;
            }
            here.filter(room -> room.back(session.id(), snapshot))
                    .ifPresentOrElse(room -> {
                        actions.back(session, room);
                        changed(roomId);
                    }, () -> session.rooms().remove(roomId));
        }
        agents.resumed(session);
        agents.rooms(session, session.rooms());
        metrics.resume(snapshot ? "snapshot" : "replay");
        LOG.info("Session {} resumed on connection {} from seq {} ({})", session.id(), connection.id(),
                resume.lastSeq(), snapshot ? "snapshot" : "replay");
        return true;
    }

    private ServerMessage.Welcome welcome(Session session, Identity identity, String replay) {
        return new ServerMessage.Welcome(session.id(), identity.role().word(), identity.scope().text(),
                identity.subject(), heartbeatSeconds, ice.servers(identity.subject(), clock.instant()), replay != null,
                replay);
    }

    private void act(Session session, ClientMessage.ForRoom message) {
        NodeRouting r = routing;
        if (r != null && r.routes(message)) {
            r.act(session, message, this::applyHere, this::refuse);
        } else {
            applyHere(session, message);
        }
    }

    /** A room message for a room held on this node (or, for open-room, to be held here). */
    private void applyHere(Session session, ClientMessage.ForRoom message) {
        MDC.put("roomId", message.room());
        try {
            if (routing != null && !(message instanceof ClientMessage.OpenRoom)) {
                routing.ensureOwner(message);
            }
            actions.apply(session, message);
            if (message instanceof ClientMessage.Join || message instanceof ClientMessage.OpenRoom
                    || message instanceof ClientMessage.Leave) {
                agents.rooms(session, session.rooms());
                if (routing != null) {
                    routing.save(session);
                }
            }
            if (!(message instanceof ClientMessage.Signal)) {
                changed(message.room());
            }
        } catch (RoomException e) {
            refuse(session, e.problem().name(), e.getMessage(), RoomActions.typeOf(message));
        } catch (RuntimeException e) {
            LOG.error("Message {} of session {} failed", RoomActions.typeOf(message), session.id(), e);
            refuse(session, ErrorCode.INTERNAL.name(), "the server failed; see its log", null);
        } finally {
            MDC.remove("roomId");
        }
    }

    /** health, schedule-ack, agent-command, command-result: the agent feature's. */
    private void agentAction(Session session, ClientMessage message) {
        NodeRouting r = routing;
        if (r != null && message instanceof ClientMessage.AgentCommand command
                && session.identity().role() == org.tongke.config.auth.Role.LEAD_TEACHER
                && !leadsRoomWith(session, command.classroom())) {
            // The lead teacher's room may be held on another node: its stored state says who is in it.
            r.inRoomElsewhereWith(session, command.classroom()).whenComplete((leads, failure) -> {
                if (failure != null) {
                    LOG.warn("Rooms of session {} not read from Redis: {}", session.id(), failure.getMessage());
                }
                agentAction(session, message, classroom -> Boolean.TRUE.equals(leads));
            });
            return;
        }
        agentAction(session, message, classroom -> leadsRoomWith(session, classroom));
    }

    private void agentAction(Session session, ClientMessage message, java.util.function.Predicate<String> leads) {
        try {
            agents.received(session, message, leads);
        } catch (AgentRefusal e) {
            refuse(session, e.code().name(), e.getMessage(), RoomActions.typeOf(message));
        } catch (RuntimeException e) {
            LOG.error("Message {} of session {} failed", RoomActions.typeOf(message), session.id(), e);
            refuse(session, ErrorCode.INTERNAL.name(), "the server failed; see its log", null);
        }
    }

    /** A lead teacher in a room (joined) that lists {@code classroom}. */
    private boolean leadsRoomWith(Session session, String classroom) {
        return session.identity().role() == org.tongke.config.auth.Role.LEAD_TEACHER
                && session.rooms().stream().map(rooms::find).flatMap(Optional::stream)
                        .anyMatch(room -> room.has(session.id()) && room.classrooms().contains(classroom));
    }

    /** An error to a connection: through its session once welcomed, else numbered per connection. */
    private void refuse(Connection connection, String code, String message, String ref) {
        Session session = sessions.get(connection.id());
        if (session != null) {
            refuse(session, code, message, ref);
            return;
        }
        metrics.error(code);
        AtomicLong seq = unwelcomed.getOrDefault(connection.id(), new AtomicLong());
        connection.send(new Sequenced(seq.incrementAndGet(), new ServerMessage.Error(code, message, ref)));
    }

    private void refuse(Session session, String code, String message, String ref) {
        metrics.error(code);
        session.send(new ServerMessage.Error(code, message, ref));
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
