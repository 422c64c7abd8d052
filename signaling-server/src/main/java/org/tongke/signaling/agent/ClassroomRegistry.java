package org.tongke.signaling.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.schedule.KnownClassroom;

/**
 * Every recording classroom this node knows (the county's, and any whose agent connected): its
 * agent's connection, last heartbeat and health, the schedule version it acknowledged and the
 * lesson room it is in. Thread-safe; each call is short and never calls out while locked.
 */
public final class ClassroomRegistry {
    private final Map<String, Entry> entries = new TreeMap<>();

    private static final class Entry {
        KnownClassroom known;
        Peer agent;
        boolean away;
        Instant connectedAt;
        Instant offlineSince;
        Instant lastHeartbeat;
        ClientMessage.Health health;
        Instant healthAt;
        Long acknowledged;
        String room;

        Entry(KnownClassroom known) {
            this.known = known;
        }
    }

    /** The county's recording classrooms; those not listed but with an agent stay. */
    public synchronized void know(Collection<KnownClassroom> classrooms) {
        for (KnownClassroom k : classrooms) {
            entries.computeIfAbsent(k.id(), id -> new Entry(k)).known = k;
        }
    }

    /** The agent of {@code classroom} is welcomed on {@code peer}; a newer agent replaces an older one. */
    public synchronized void connected(String classroom, Peer peer, Instant now) {
        Entry e = entry(classroom);
        e.agent = peer;
        e.away = false;
        e.connectedAt = now;
        e.offlineSince = null;
        e.lastHeartbeat = now;
    }

    /** Its connection dropped; the session may still resume. */
    public synchronized void away(String classroom, Peer peer) {
        Entry e = entries.get(classroom);
        if (e != null && e.agent == peer) {
            e.away = true;
        }
    }

    /**
     * The agent's session ended at {@code now}: the classroom is offline. False when {@code peer}
     * was not its agent (any more).
     */
    public synchronized boolean disconnected(String classroom, Peer peer, Instant now) {
        Entry e = entries.get(classroom);
        if (e == null || e.agent != peer) {
            return false;
        }
        e.agent = null;
        e.away = false;
        e.room = null;
        e.connectedAt = null;
        e.offlineSince = now;
        return true;
    }

    public synchronized void heard(String classroom, Instant now) {
        Entry e = entries.get(classroom);
        if (e != null) {
            e.lastHeartbeat = now;
        }
    }

    public synchronized void health(String classroom, ClientMessage.Health health, Instant now) {
        Entry e = entry(classroom);
        e.health = health;
        e.healthAt = now;
        e.lastHeartbeat = now;
    }

    public synchronized void acknowledged(String classroom, long version) {
        Entry e = entry(classroom);
        e.acknowledged = e.acknowledged == null ? version : Math.max(e.acknowledged, version);
    }

    /** The version its agent acknowledged last, empty when none. */
    public synchronized Optional<Long> acknowledged(String classroom) {
        Entry e = entries.get(classroom);
        return Optional.ofNullable(e == null ? null : e.acknowledged);
    }

    public synchronized void room(String classroom, String room) {
        Entry e = entries.get(classroom);
        if (e != null) {
            e.room = room;
        }
    }

    /** The agent connected (or away) for {@code classroom}. */
    public synchronized Optional<Peer> agent(String classroom) {
        Entry e = entries.get(classroom);
        return Optional.ofNullable(e == null ? null : e.agent);
    }

    /** The classrooms {@code visible} lets through, in id order; {@code versions} gives each one's schedule version. */
    public synchronized List<ClassroomStatus> view(Predicate<String> visible, Function<String, Long> versions) {
        List<ClassroomStatus> out = new ArrayList<>();
        for (Map.Entry<String, Entry> me : entries.entrySet()) {
            if (visible.test(me.getKey())) {
                out.add(status(me.getKey(), me.getValue(), versions.apply(me.getKey())));
            }
        }
        return out;
    }

    /** One classroom as staff see it, with {@code version} as its schedule version; empty when unknown. */
    public synchronized Optional<ClassroomStatus> status(String classroom, Long version) {
        Entry e = entries.get(classroom);
        return e == null ? Optional.empty() : Optional.of(status(classroom, e, version));
    }

    /** The classrooms whose agent is connected here (or away), with that agent. */
    public synchronized Map<String, Peer> agents() {
        Map<String, Peer> out = new TreeMap<>();
        entries.forEach((id, e) -> {
            if (e.agent != null) {
                out.put(id, e.agent);
            }
        });
        return out;
    }

    private static ClassroomStatus status(String id, Entry e, Long version) {
        String state = e.agent == null ? ClassroomStatus.OFFLINE : e.away ? ClassroomStatus.AWAY : ClassroomStatus.ONLINE;
        return new ClassroomStatus(id, e.known.school(), e.known.schoolName(), e.known.name(), state, null,
                e.agent == null ? null : e.agent.identity().subject(), e.connectedAt, e.lastHeartbeat, e.health,
                e.healthAt, e.acknowledged, version, e.room, e.offlineSince);
    }

    /** How many classrooms are online, away and offline. */
    public synchronized Map<String, Integer> countByState() {
        Map<String, Integer> counts = new TreeMap<>(Map.of(ClassroomStatus.ONLINE, 0, ClassroomStatus.AWAY, 0,
                ClassroomStatus.OFFLINE, 0));
        for (Entry e : entries.values()) {
            String state = e.agent == null ? ClassroomStatus.OFFLINE : e.away ? ClassroomStatus.AWAY : ClassroomStatus.ONLINE;
            counts.merge(state, 1, Integer::sum);
        }
        return counts;
    }

    private Entry entry(String classroom) {
        return entries.computeIfAbsent(classroom, id -> {
            String school = id.substring(0, id.indexOf('/'));
            return new Entry(new KnownClassroom(id, school, id.substring(id.indexOf('/') + 1)));
        });
    }
}
