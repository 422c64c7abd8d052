package org.tongke.signaling.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.tongke.config.auth.Identity;
import org.tongke.signaling.agent.Peer;
import org.tongke.signaling.protocol.CloseCodes;
import org.tongke.signaling.protocol.Sequenced;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.room.Member;
import org.tongke.signaling.room.Participant;
import org.tongke.signaling.room.RoomAccess;
import org.tongke.signaling.room.RoomChange;
import org.tongke.signaling.room.RoomState;

/**
 * A welcomed client: who it is, which rooms it is in, and its numbered stream of messages. It
 * outlives a dropped connection for the resume grace period, numbering and buffering what it is
 * sent, until a new connection resumes it or it expires. Its lock orders numbering, buffering
 * and writing; it never calls into a room while holding it.
 */
final class Session implements Member, Peer {
    private final String id;
    private final Identity identity;
    private final Participant participant;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final ReplayBuffer buffer;
    private Connection connection;
    private Instant awaySince;
    private String awayReason;
    private boolean ended;
    private long seq;

    /** @param seq the last seq the connection used before hello; the welcome takes the next */
    Session(Connection connection, Identity identity, long seq, int replayCapacity) {
        this(connection.id(), connection, identity, seq, replayCapacity);
    }

    /**
     * A session taken over from another node (which died, or the client moved): the same id, its
     * numbering going on from the client's {@code lastSeq}, nothing to replay.
     */
    Session(String id, Connection connection, Identity identity, long seq, int replayCapacity) {
        this.id = id;
        this.connection = connection;
        this.identity = identity;
        this.participant = RoomAccess.participant(id, identity);
        this.seq = seq;
        this.buffer = new ReplayBuffer(replayCapacity, seq);
    }

    /** What {@link #resume} did. */
    record Resumed(boolean wasAway, boolean snapshot) {
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    Set<String> rooms() {
        return rooms;
    }

    synchronized String awayReason() {
        return awayReason;
    }

    /** Numbers, keeps for replay and, when connected, sends. */
    @Override
    public synchronized void send(ServerMessage message) {
        Sequenced numbered = new Sequenced(++seq, message);
        buffer.add(numbered);
        if (connection != null) {
            connection.send(numbered);
        }
    }

    /**
     * A heartbeat's answer: it carries the {@code seq} of the last numbered message and is never
     * kept, so that a client's heartbeats neither fill its replay buffer nor open gaps in it.
     */
    synchronized void reply(ServerMessage message) {
        if (connection != null) {
            connection.send(new Sequenced(seq, message));
        }
    }

    /** A fresh session's welcome: numbered but never replayed. */
    synchronized void welcome(ServerMessage.Welcome welcome) {
        buffer.skipTo(++seq);
        connection.send(new Sequenced(seq, welcome));
    }

    /** A session taken over from another node: its welcome says {@code replay: snapshot}, numbered after the client's last seq. */
    synchronized void welcomeTakenOver(ServerMessage.Welcome welcome) {
        welcome(welcome);
    }

    /**
     * The session was resumed on another node: its connection here (if any) is closed with 4004
     * and it ends here without leaving its rooms, which now reach it there.
     */
    synchronized void handOver() {
        Connection old = connection;
        connection = null;
        ended = true;
        if (old != null) {
            old.close(CloseCodes.SESSION_RESUMED, CloseCodes.RESUMED_ELSEWHERE);
        }
    }

    /** Whether a connection carries the session now. */
    synchronized boolean connected() {
        return connection != null;
    }

    /** The connection dropped: keep the session, away. False when {@code gone} is not its connection. */
    synchronized boolean detach(Connection gone, Instant now, String reason) {
        if (connection != gone || ended) {
            return false;
        }
        connection = null;
        awaySince = now;
        awayReason = reason;
        return true;
    }

    /** The client left for good on {@code gone}. False when {@code gone} is not its connection. */
    synchronized boolean end(Connection gone) {
        if (connection != gone || ended) {
            return false;
        }
        ended = true;
        connection = null;
        return true;
    }

    /** Ends the session when it has been away for {@code grace} or more; true when it ended now. */
    synchronized boolean expire(Instant now, Duration grace) {
        if (ended || connection != null || now.isBefore(awaySince.plus(grace))) {
            return false;
        }
        ended = true;
        return true;
    }

    /**
     * Takes the session up on {@code next}: sends the welcome then every kept message after
     * {@code lastSeq}, or only the welcome when the buffer does not reach back that far (the
     * caller then sends snapshots). A connection still attached is closed. Empty when the session
     * has ended or its grace period is over.
     */
    synchronized Optional<Resumed> resume(Connection next, long lastSeq, Instant now, Duration grace,
            Function<String, ServerMessage.Welcome> welcome) {
        if (ended || (connection == null && !now.isBefore(awaySince.plus(grace)))) {
            return Optional.empty();
        }
        Connection old = connection;
        connection = next;
        awaySince = null;
        Optional<List<Sequenced>> missed = buffer.after(lastSeq);
        if (missed.isPresent()) {
            next.send(new Sequenced(Math.max(1, lastSeq), welcome.apply(ServerMessage.Welcome.REPLAY_BUFFER)));
            missed.get().forEach(next::send);
        } else {
            next.send(new Sequenced(seq, welcome.apply(ServerMessage.Welcome.REPLAY_SNAPSHOT)));
        }
        if (old != null) {
            old.close(CloseCodes.SESSION_RESUMED, CloseCodes.RESUMED_ELSEWHERE);
        }
        return Optional.of(new Resumed(old == null, missed.isEmpty()));
    }

    @Override
    public Participant participant() {
        return participant;
    }

    @Override
    public void snapshot(RoomState state) {
        send(new ServerMessage.Snapshot(state.id(), state));
    }

    @Override
    public void delta(String room, RoomChange change) {
        send(new ServerMessage.Delta(room, change));
    }

    @Override
    public void signal(String room, String from, String kind, Object payload) {
        send(new ServerMessage.Signal(room, from, kind, payload));
    }
}
