package org.tongke.signaling.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The room leases this node holds, and whether it may still act as each room's owner. A lease is
 * sure until a lease after the last renewal that succeeded was sent (Redis counts the lease from
 * when it ran the renewal, later). A room is in doubt, and takes no change, from a renewal that
 * failed until one succeeds, or once no renewal has succeeded for two thirds of a lease (renewals
 * go every third, so at least one is missing). A room must be given up when a renewal found another
 * node holding the lease ({@link #TAKEN}), or when no renewal succeeded within a lease
 * ({@link #UNRENEWED}: another node may hold it by now, this one cannot know). Thread-safe.
 */
final class RoomLeases {
    /** Why a room was given up: a renewal found the lease held by another node. */
    static final String TAKEN = "taken";
    /** Why a room was given up: no renewal succeeded for a lease (Redis unreachable, or this node stalled). */
    static final String UNRENEWED = "unrenewed";

    /** When the last renewal that succeeded was sent (or the lease taken), and whether the last renewal failed. */
    private record Held(Instant sure, boolean failed) {
    }

    private final Clock clock;
    private final Duration lease;
    private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();

    RoomLeases(Clock clock, Duration lease) {
        this.clock = clock;
        this.lease = lease;
    }

    /** The lease was just taken (claimed, or taken over). */
    void took(String room) {
        held.put(room, new Held(clock.instant(), false));
    }

    /** True when this node held the room's lease and now forgets it. */
    boolean forget(String room) {
        return held.remove(room) != null;
    }

    boolean holds(String room) {
        return held.containsKey(room);
    }

    Set<String> rooms() {
        return Set.copyOf(held.keySet());
    }

    /**
     * A renewal sent at {@code sent} answered: empty when the room is still held ({@code stillHeld}),
     * else {@link #TAKEN} and the room is forgotten.
     */
    Optional<String> renewed(String room, Instant sent, boolean stillHeld) {
        if (!stillHeld) {
            return forget(room) ? Optional.of(TAKEN) : Optional.empty();
        }
        held.computeIfPresent(room, (r, h) -> new Held(sent.isAfter(h.sure()) ? sent : h.sure(), false));
        return Optional.empty();
    }

    /** A renewal failed (Redis unreachable or refused the command): the room is in doubt until one succeeds. */
    void failed(String room) {
        held.computeIfPresent(room, (r, h) -> new Held(h.sure(), true));
    }

    /** Whether the room, held here, may take changes now. */
    boolean sure(String room) {
        Held h = held.get(room);
        return h != null && !h.failed()
                && clock.instant().isBefore(h.sure().plus(lease.multipliedBy(2).dividedBy(3)));
    }

    /**
     * The rooms no renewal succeeded for within a lease; they are forgotten, and must be given up
     * ({@link #UNRENEWED}).
     */
    List<String> lapsed() {
        Instant now = clock.instant();
        List<String> lapsed = new ArrayList<>();
        for (Map.Entry<String, Held> e : held.entrySet()) {
            if (!now.isBefore(e.getValue().sure().plus(lease)) && held.remove(e.getKey(), e.getValue())) {
                lapsed.add(e.getKey());
            }
        }
        return lapsed;
    }
}
