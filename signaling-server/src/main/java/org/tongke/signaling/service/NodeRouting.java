package org.tongke.signaling.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tongke.config.auth.Identity;
import org.tongke.signaling.cluster.NodeMessage;
import org.tongke.signaling.cluster.RedisNodes;
import org.tongke.signaling.cluster.RemoteMember;
import org.tongke.signaling.cluster.Who;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.protocol.ErrorCode;
import org.tongke.signaling.protocol.Inbound;
import org.tongke.signaling.protocol.MessageCodec;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.room.Member;
import org.tongke.signaling.room.Participant;
import org.tongke.signaling.room.Room;
import org.tongke.signaling.room.RoomAccess;
import org.tongke.signaling.room.RoomChange;
import org.tongke.signaling.room.RoomException;
import org.tongke.signaling.room.RoomProblem;
import org.tongke.signaling.room.RoomRegistry;
import org.tongke.signaling.schedule.LessonRooms;

/**
 * Rooms across nodes ({@code --redis}): a room message for a room another node owns goes to that
 * node and is applied there; what a room owned here tells a session of another node goes there.
 * This node claims a room's lease when it opens it, renews the leases of the rooms it owns,
 * stores each room after every change, and adopts a room whose owner's lease ran out (the node
 * died) from its stored state: the members that were on the dead node are away until they resume
 * (on any node) or the resume grace is over. A node that cannot be sure of a room's lease takes no
 * change to it, and gives it up once the lease may have passed to another node ({@link RoomLeases}):
 * its members here then go on as routed members of the room at its owner.
 */
final class NodeRouting {
    /** Why the members on a node that died are away, and then leave. */
    static final String NODE_LOST = "node-lost";
    /**
     * Why the members on a node that stops (SIGTERM) are away: their sessions stay in Redis to be
     * resumed on another node, and the room's node ends them when the grace is over.
     */
    static final String NODE_STOPPING = "node-stopping";
    private static final Logger LOG = LoggerFactory.getLogger(NodeRouting.class);

    /** The service's own path for a room message of a session here, to a room held here. */
    interface Local {
        void apply(Session session, ClientMessage.ForRoom message);
    }

    /** The service's way to refuse a session's message. */
    interface Refusals {
        void refuse(Session session, String code, String message, String ref);
    }

    /** A member whose node is gone (died or stopped): it leaves with {@code reason} unless it resumes within the grace. */
    private record Orphan(String room, String session, Instant since, String reason) {
    }

    private final RedisNodes nodes;
    private final RoomRegistry rooms;
    private final RoomActions actions;
    private final Map<String, Session> byId;
    private final Clock clock;
    private final Duration grace;
    private final MessageCodec codec = new MessageCodec();
    /** The rooms whose lease this node holds, and whether it may still act as their owner. */
    private final RoomLeases leases;
    private final SignalingMetrics metrics;
    /**
     * Sessions here in a room this node gave up, by room and session: each is told {@code back} to
     * the room's owner (a fresh snapshot from it) once Redis carries it; true while that is under way.
     */
    private final ConcurrentMap<String, Boolean> moves = new ConcurrentHashMap<>();
    /** Members of adopted rooms that were on the node that died, by room and session. */
    private final ConcurrentMap<String, Orphan> orphans = new ConcurrentHashMap<>();

    NodeRouting(RedisNodes nodes, RoomRegistry rooms, RoomActions actions, Map<String, Session> byId, Clock clock,
            Duration grace, SignalingMetrics metrics) {
        this.nodes = nodes;
        this.rooms = rooms;
        this.actions = actions;
        this.byId = byId;
        this.clock = clock;
        this.grace = grace;
        this.metrics = metrics;
        this.leases = new RoomLeases(clock, nodes.lease());
    }

    String node() {
        return nodes.node();
    }

    boolean redisReachable() {
        return nodes.reachable();
    }

    /** Whether the message goes through here rather than straight to a room held here. */
    boolean routes(ClientMessage.ForRoom message) {
        return message instanceof ClientMessage.OpenRoom || rooms.find(message.room()).isEmpty();
    }

    /** A room message of a session here for a room to open, or owned by another node. */
    void act(Session session, ClientMessage.ForRoom message, Local local, Refusals refusals) {
        String room = message.room();
        String type = RoomActions.typeOf(message);
        if (message instanceof ClientMessage.OpenRoom) {
            nodes.claim(room).whenComplete((claimed, failure) -> {
                if (failure != null) {
                    refusals.refuse(session, ErrorCode.INTERNAL.name(), "Redis failed: " + failure.getMessage(), type);
                } else if (!claimed) {
                    refusals.refuse(session, RoomProblem.ROOM_EXISTS.name(), "room " + room + " is open already", type);
                } else {
                    leases.took(room);
                    local.apply(session, message);
                    changed(room);
                }
            });
            return;
        }
        if (message instanceof ClientMessage.Leave && session.rooms().remove(room)) {
            save(session);
        }
        NodeMessage.Act act = new NodeMessage.Act(room, node(), session.id(), Who.of(session.identity()),
                codec.encodeClient(message));
        toOwner(room, act, 0).whenComplete((owner, failure) -> {
            if (failure != null) {
                refusals.refuse(session, RoomProblem.NO_SUCH_ROOM.name(), "this node cannot reach room " + room
                        + "'s node just now (" + failure.getMessage() + "); try again in a few seconds", type);
            } else if (owner == RedisNodes.Owner.GONE) {
                refusals.refuse(session, RoomProblem.NO_SUCH_ROOM.name(), "room " + room + "'s node is gone and"
                        + " no other has taken the room over yet; try again in a few seconds", type);
            } else if (owner == RedisNodes.Owner.NONE) {
                adopt(room).whenComplete((adopted, again) -> {
                    if (Boolean.TRUE.equals(adopted)) {
                        local.apply(session, message);
                        changed(room);
                    } else {
                        refusals.refuse(session, RoomProblem.NO_SUCH_ROOM.name(), "no room " + room + " is open", type);
                    }
                });
            }
        });
    }

    /** Attempts at a message whose owner's node is gone, a third of a lease apart: until its lease has run out. */
    private static final int GONE_ATTEMPTS = 5;

    /**
     * Sends to the room's owner; while the owner's node is gone but still holds the lease, tries
     * again a third of a lease later (never waiting on a thread), so that the message reaches the
     * room once a node has taken it over, or this node takes it over itself.
     */
    private CompletionStage<RedisNodes.Owner> toOwner(String room, NodeMessage message, int attempt) {
        return nodes.toOwner(room, message).thenCompose(owner -> {
            if (owner != RedisNodes.Owner.GONE || attempt + 1 >= GONE_ATTEMPTS) {
                return CompletableFuture.completedFuture(owner);
            }
            Executor later = CompletableFuture.delayedExecutor(
                    Math.max(100, nodes.lease().toMillis() / 3), TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> room, later).thenCompose(r -> toOwner(r, message, attempt + 1));
        });
    }

    /**
     * Whether the session is in a room another node holds that lists {@code classroom}, as that
     * room's owner stored it (for an {@code agent-command} of a lead teacher).
     */
    CompletionStage<Boolean> inRoomElsewhereWith(Session session, String classroom) {
        List<CompletableFuture<Boolean>> checks = session.rooms().stream().filter(id -> rooms.find(id).isEmpty())
                .map(id -> nodes.storedRoom(id).thenApply(stored -> stored.map(NodeMessage.StoredRoom::state)
                        .filter(state -> state.classrooms().contains(classroom) && state.participants().stream()
                                .anyMatch(p -> p.session().equals(session.id())))
                        .isPresent()).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenApply(done -> checks.stream().anyMatch(CompletableFuture::join));
    }

    /** The {@code ref} of the error a session gets when it comes back to a room it has left meanwhile. */
    static final String NOT_BACK = "resume";

    /** A session here dropped, came back or ended, in a room another node owns. */
    void presence(Session session, String room, String change, String reason, boolean snapshot) {
        NodeMessage.Presence presence = new NodeMessage.Presence(room, node(), session.id(),
                Who.of(session.identity()), change, reason, snapshot);
        toOwner(room, presence, 0).whenComplete((owner, failure) -> {
            if (failure != null || owner == RedisNodes.Owner.GONE) {
                LOG.warn("{} of session {} did not reach room {}: {}", change, session.id(), room,
                        failure != null ? failure.getMessage() : "its node is gone and the room not taken over");
            } else if (owner == RedisNodes.Owner.NONE) {
                adopt(room).thenAccept(adopted -> {
                    if (adopted) {
                        presenceHere(presence);
                    } else if (NodeMessage.Presence.BACK.equals(change)) {
                        session.rooms().remove(room);
                    }
                });
            }
        });
    }

    /** A session resumed here whose room is held here: it replaces the old end of the session. */
    boolean back(Session session, Room room) {
        orphans.remove(room.id() + "\n" + session.id());
        boolean member = room.back(session, true);
        if (member) {
            actions.reconcile(room, session.id());
        }
        changed(room.id());
        return member;
    }

    /** A session of another node was resumed here: that node lets go of it. */
    void resumedHere(String session, String previousNode) {
        if (!previousNode.equals(node())) {
            nodes.send(previousNode, new NodeMessage.Resumed(session, node()));
        }
    }

    CompletionStage<Optional<NodeMessage.StoredSession>> stored(String session) {
        return nodes.session(session);
    }

    void save(Session session) {
        nodes.saveSession(new NodeMessage.StoredSession(session.id(), Who.of(session.identity()), node(),
                List.copyOf(session.rooms())), sessionTtl());
    }

    void ended(Session session) {
        nodes.dropSession(session.id());
    }

    /** A session's key outlives this node by the resume grace (it is refreshed every tick while connected). */
    private Duration sessionTtl() {
        return nodes.lease().multipliedBy(2).plus(grace);
    }

    /** After anything changed a room held here: store it, or give up its lease when it closed. */
    void changed(String id) {
        Optional<Room> room = rooms.find(id);
        if (room.isPresent()) {
            store(room.get());
        } else if (leases.forget(id)) {
            nodes.release(id);
        }
    }

    private void store(Room room) {
        // Under the room's lock, so that the stored states of one room reach Redis in the room's order.
        synchronized (room) {
            Map<String, String> where = new HashMap<>();
            for (Member m : room.members()) {
                where.put(m.participant().session(), m instanceof RemoteMember r ? r.node() : node());
            }
            nodes.saveRoom(room.id(), new NodeMessage.StoredRoom(room.state(), node(), where,
                    room.keepUntil() == null ? null : room.keepUntil().toString(), room.away(),
                    NodeMessage.StoredLesson.of(room.lessonRecord())));
        }
    }

    /** Stores every room held here and gives up its lease (this node stops); done when Redis has it all. */
    CompletionStage<Void> handOver() {
        List<CompletableFuture<Boolean>> given = new ArrayList<>();
        for (String id : leases.rooms()) {
            rooms.find(id).ifPresent(this::store);
            given.add(nodes.handOver(id).toCompletableFuture());
            leases.forget(id);
        }
        return CompletableFuture.allOf(given.toArray(CompletableFuture[]::new));
    }

    /** Rooms of the timetable open on the node that wins their lease. */
    LessonRooms.Claims claims() {
        return new LessonRooms.Claims() {
            @Override
            public CompletionStage<Boolean> claim(String room) {
                return nodes.claim(room).thenApply(won -> {
                    if (won) {
                        leases.took(room);
                    }
                    return won;
                });
            }

            @Override
            public void closed(String room) {
                changed(room);
            }
        };
    }

    /** What another node said. On Lettuce's thread, in the order it was sent. */
    void received(NodeMessage message) {
        if (message instanceof NodeMessage.Act act) {
            applyForwarded(act);
        } else if (message instanceof NodeMessage.Presence presence) {
            presenceHere(presence);
        } else if (message instanceof NodeMessage.Deliver deliver) {
            deliver(deliver);
        } else if (message instanceof NodeMessage.Resumed resumed) {
            Session session = byId.remove(resumed.session());
            if (session != null) {
                session.handOver();
                LOG.info("Session {} resumed on node {}: closed here", resumed.session(), resumed.node());
            }
        }
    }

    private void applyForwarded(NodeMessage.Act act) {
        Identity identity = act.who().identity();
        RemoteMember member = remote(RoomAccess.participant(act.session(), identity), act.node());
        Inbound inbound = codec.decodeClient(act.message());
        if (!(inbound instanceof ClientMessage.ForRoom message)) {
            LOG.warn("Node {} forwarded no room message for room {}", act.node(), act.room());
            return;
        }
        String type = RoomActions.typeOf(message);
        Optional<Room> found = rooms.find(act.room());
        if (found.isEmpty()) {
            member.error(new ServerMessage.Error(RoomProblem.NO_SUCH_ROOM.name(), "no room " + act.room()
                    + " is open", type));
            return;
        }
        Room room = found.get();
        MDC.put("roomId", room.id());
        try {
            ensureOwner(message);
            if (message instanceof ClientMessage.Join) {
                if (!RoomAccess.mayJoin(identity, room.id(), room.classrooms())) {
                    throw new RoomException(RoomProblem.FORBIDDEN, "your token (" + identity.scope().text()
                            + ") does not admit you to room " + room.id());
                }
                room.join(member);
                actions.reconcile(room, null);
            } else if (message instanceof ClientMessage.Leave) {
                if (!room.has(act.session())) {
                    throw new RoomException(RoomProblem.NOT_IN_ROOM, "you have not joined room " + room.id());
                }
                leave(room, act.session(), "left");
            } else if (message instanceof ClientMessage.OpenRoom) {
                throw new RoomException(RoomProblem.ROOM_EXISTS, "room " + room.id() + " is open already");
            } else {
                actions.control(act.session(), room, message);
            }
        } catch (RoomException e) {
            member.error(new ServerMessage.Error(e.problem().name(), e.getMessage(), type));
        } catch (RuntimeException e) {
            LOG.error("Message {} of session {} (node {}) failed", type, act.session(), act.node(), e);
            member.error(new ServerMessage.Error(ErrorCode.INTERNAL.name(), "the server failed; see its log", null));
        } finally {
            MDC.remove("roomId");
        }
        if (!(message instanceof ClientMessage.Signal)) {
            changed(room.id());
        }
    }

    private void presenceHere(NodeMessage.Presence presence) {
        Optional<Room> found = rooms.find(presence.room());
        if (found.isEmpty()) {
            return;
        }
        Room room = found.get();
        String session = presence.session();
        switch (presence.change()) {
            case NodeMessage.Presence.AWAY -> {
                room.away(session, presence.reason());
                if (NODE_STOPPING.equals(presence.reason())) {
                    // Its node is going: nobody else will end the session if it is never resumed.
                    orphans.put(room.id() + "\n" + session, new Orphan(room.id(), session, clock.instant(),
                            NODE_STOPPING));
                }
            }
            case NodeMessage.Presence.BACK -> {
                orphans.remove(room.id() + "\n" + session);
                Session here = node().equals(presence.node()) ? byId.get(session) : null;
                Member member = here != null ? here
                        : remote(RoomAccess.participant(session, presence.who().identity()), presence.node());
                if (room.back(member, presence.snapshot())) {
                    actions.reconcile(room, session);
                } else {
                    // Away past the grace (its node was cut off that long): it left; its client joins again.
                    ServerMessage.Error left = new ServerMessage.Error(RoomProblem.NOT_IN_ROOM.name(), "you were"
                            + " away longer than the grace period and left room " + room.id() + "; join it again",
                            NOT_BACK);
                    if (here != null) {
                        here.rooms().remove(room.id());
                        here.send(left);
                    } else if (member instanceof RemoteMember remote) {
                        remote.error(left);
                    }
                }
            }
            case NodeMessage.Presence.LEAVE -> {
                orphans.remove(room.id() + "\n" + session);
                leave(room, session, presence.reason());
            }
            default -> LOG.warn("Unknown presence change {} for room {}", presence.change(), room.id());
        }
        changed(room.id());
    }

    private void deliver(NodeMessage.Deliver deliver) {
        Session session = byId.get(deliver.session());
        if (session == null) {
            return;
        }
        ServerMessage message = codec.decodeServer(deliver.message()).message();
        if (message instanceof ServerMessage.Snapshot snapshot && session.rooms().add(snapshot.room())) {
            save(session);
        }
        session.send(message);
    }

    private void leave(Room room, String session, String reason) {
        if (room.leave(session, reason)) {
            rooms.removeIfEmpty(room);
        }
        actions.reconcile(room, null);
    }

    private RemoteMember remote(Participant participant, String node) {
        return new RemoteMember(participant, node, codec, nodes::send);
    }

    /**
     * Takes over a room whose owner's lease ran out, from its stored state. True when the room is
     * held here now; false when another node owns it or it is gone.
     */
    CompletionStage<Boolean> adopt(String id) {
        if (rooms.find(id).isPresent()) {
            return CompletableFuture.completedFuture(true);
        }
        return nodes.takeOver(id).thenApply(taken -> {
            if (taken.isEmpty()) {
                // Held by a node: maybe this one, by another adopt of the same room a moment earlier
                // (a resume's back and the tick's look at its rooms race); its answer came first, on this thread.
                return rooms.find(id).isPresent();
            }
            if (taken.get().isEmpty()) {
                nodes.release(id);
                return false;
            }
            NodeMessage.StoredRoom stored = taken.get().get();
            List<Member> members = new ArrayList<>();
            List<Participant> lost = new ArrayList<>();
            for (Participant p : stored.state().participants()) {
                Session here = byId.get(p.session());
                String where = stored.members().getOrDefault(p.session(), stored.owner());
                if (here != null) {
                    members.add(here);
                } else {
                    members.add(remote(p, where));
                    if (where.equals(stored.owner())) {
                        lost.add(p);
                    }
                }
            }
            Room room = Room.restore(stored.state(), stored.keepUntil() == null ? null
                    : Instant.parse(stored.keepUntil()), clock, false, members, stored.awayOrNone(),
                    stored.lesson() == null ? null : stored.lesson().record());
            if (!rooms.adopt(room)) {
                return true;
            }
            leases.took(id);
            LOG.info("Room {} taken over from node {}, whose lease ran out; {} members were on it", id,
                    stored.owner(), lost.size());
            Instant now = clock.instant();
            for (Participant p : lost) {
                // A member its node said was away (it stopped cleanly) stays away for that reason, told once.
                String reason = stored.awayOrNone().getOrDefault(p.session(), NODE_LOST);
                orphans.put(id + "\n" + p.session(), new Orphan(id, p.session(), now, reason));
                room.away(p.session(), NODE_LOST);
            }
            // The dead node's bridge conference went with it: a bridged room gets one of this node's.
            actions.reconcile(room, null);
            changed(id);
            return true;
        });
    }

    /**
     * Refuses a change to a room held here whose lease this node cannot be sure of (its link to
     * Redis is down, or a renewal failed or is overdue): another node may take the room over, and a
     * change applied here would be lost or seen by half the room. A signal changes nothing and goes
     * through.
     */
    void ensureOwner(ClientMessage.ForRoom message) {
        if (!(message instanceof ClientMessage.Signal) && (!nodes.reachable() || !leases.sure(message.room()))) {
            throw new RoomException(RoomProblem.NO_SUCH_ROOM, "room " + message.room() + "'s node cannot reach the"
                    + " other nodes just now; try again in a few seconds");
        }
    }

    /**
     * This node stops acting as the room's owner (another node holds its lease, or may): the room is
     * forgotten here without closing it (its lesson goes on at the owner) and the sessions here in it
     * become routed members of the owner's room, {@code back} with a fresh snapshot from it.
     */
    private void giveUp(String id, String reason) {
        metrics.roomGivenUp(reason);
        Optional<Room> found = rooms.find(id);
        if (found.isEmpty()) {
            LOG.warn("Node {} gave up the lease of room {} ({}), no longer open here", node(), id, reason);
            return;
        }
        Room room = found.get();
        List<String> here = new ArrayList<>();
        // Under the room's lock, so that no change lands between the last member read and the room going.
        synchronized (room) {
            rooms.forget(room);
            for (Member m : room.members()) {
                if (m instanceof Session s) {
                    here.add(s.id());
                }
            }
        }
        actions.givenUp(room);
        LOG.warn("Node {} gave up room {} ({}): {}; its {} members here go on with the room at its owner", node(), id,
                reason, RoomLeases.TAKEN.equals(reason) ? "another node holds its lease"
                        : "no renewal of its lease succeeded for a lease", here.size());
        for (String session : here) {
            moves.put(id + "\n" + session, false);
        }
        moveMembers();
    }

    /** Tells each room's owner that the sessions here in a room this node gave up are back, until it heard. */
    private void moveMembers() {
        if (!nodes.reachable()) {
            // The owner answers on this node's channel: both links must be up again.
            return;
        }
        for (String key : moves.keySet()) {
            String room = key.substring(0, key.indexOf('\n'));
            Session session = byId.get(key.substring(key.indexOf('\n') + 1));
            if (session == null || !session.connected() || !session.rooms().contains(room)
                    || rooms.find(room).isPresent()) {
                // Gone, or disconnected (its resume says back), or the room came back here.
                moves.remove(key);
                continue;
            }
            if (!moves.replace(key, false, true)) {
                continue;
            }
            NodeMessage.Presence back = new NodeMessage.Presence(room, node(), session.id(),
                    Who.of(session.identity()), NodeMessage.Presence.BACK, null, true);
            nodes.toOwner(room, back).whenComplete((owner, failure) -> {
                if (failure == null && owner == RedisNodes.Owner.HEARD) {
                    moves.remove(key);
                    LOG.info("Session {} of room {} goes on with the room's owner", session.id(), room);
                } else if (failure == null && owner == RedisNodes.Owner.NONE) {
                    adopt(room).whenComplete((adopted, again) -> {
                        if (Boolean.TRUE.equals(adopted)) {
                            moves.remove(key);
                            presenceHere(back);
                        } else {
                            moves.replace(key, true, false);
                        }
                    });
                } else {
                    moves.replace(key, true, false);
                }
            });
        }
    }

    /**
     * Every third of a lease: gives up the rooms whose lease lapsed, renews the others, moves the
     * members of rooms given up to their owner; then, while Redis is reachable, renews its connected
     * sessions' keys, adopts the rooms of this node's sessions whose owner died, and ends the lost
     * members whose grace is over.
     */
    void tick() {
        for (String id : leases.lapsed()) {
            giveUp(id, RoomLeases.UNRENEWED);
        }
        for (String id : leases.rooms()) {
            Instant sent = clock.instant();
            nodes.renew(id).whenComplete((held, failure) -> {
                if (failure != null) {
                    leases.failed(id);
                    LOG.warn("Node {} could not renew the lease of room {}: {}; the room takes no change until a"
                            + " renewal succeeds", node(), id, failure.getMessage());
                } else {
                    leases.renewed(id, sent, held).ifPresent(reason -> giveUp(id, reason));
                }
            });
        }
        moveMembers();
        if (!nodes.reachable()) {
            // The renewals above put the rooms held here in doubt; the rest waits until Redis is back.
            return;
        }
        Set<String> elsewhere = new HashSet<>();
        for (Session session : byId.values()) {
            if (session.connected()) {
                save(session);
            }
            session.rooms().stream().filter(r -> rooms.find(r).isEmpty()).forEach(elsewhere::add);
        }
        for (String id : elsewhere) {
            adopt(id).whenComplete((adopted, failure) -> {
                if (failure != null) {
                    LOG.error("Node {} failed to take over room {}", node(), id, failure);
                }
            });
        }
        endOrphans();
    }

    /** Ends the lost members whose grace is over. */
    private void endOrphans() {
        Instant now = clock.instant();
        for (Map.Entry<String, Orphan> e : orphans.entrySet()) {
            Orphan o = e.getValue();
            if (!now.isBefore(o.since().plus(grace)) && orphans.remove(e.getKey(), o)) {
                rooms.find(o.room()).ifPresent(room -> {
                    leave(room, o.session(), o.reason());
                    changed(o.room());
                });
            }
        }
    }
}
