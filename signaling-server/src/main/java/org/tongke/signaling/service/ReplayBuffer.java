package org.tongke.signaling.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.tongke.signaling.protocol.Sequenced;

/**
 * The last messages of one session, kept so that a client that reconnects gets what it missed.
 * Bounded by a message count; not thread-safe (its {@link Session} guards it).
 */
final class ReplayBuffer {
    private final int capacity;
    private final Deque<Sequenced> kept = new ArrayDeque<>();
    /** The newest seq that cannot be replayed: before the first kept, or dropped for room. */
    private long floor;
    private long newest;

    /** @param floor the seq after which the buffer starts: messages up to it are never replayed */
    ReplayBuffer(int capacity, long floor) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay capacity " + capacity + " is below 1");
        }
        this.capacity = capacity;
        this.floor = floor;
        this.newest = floor;
    }

    /** Keeps the message (seqs must grow by one), dropping the oldest past the capacity. */
    void add(Sequenced message) {
        if (message.seq() != newest + 1) {
            throw new IllegalArgumentException("seq " + message.seq() + " does not follow " + newest);
        }
        kept.addLast(message);
        newest = message.seq();
        while (kept.size() > capacity) {
            floor = kept.removeFirst().seq();
        }
    }

    /** Moves the floor up to {@code seq}: what came before is no longer replayable. */
    void skipTo(long seq) {
        while (!kept.isEmpty() && kept.peekFirst().seq() <= seq) {
            kept.removeFirst();
        }
        floor = Math.max(floor, seq);
        newest = Math.max(newest, seq);
    }

    /**
     * Every kept message after {@code lastSeq}, oldest first; empty when the buffer does not
     * reach back to {@code lastSeq + 1} or {@code lastSeq} is past the newest message.
     */
    Optional<List<Sequenced>> after(long lastSeq) {
        if (lastSeq < floor || lastSeq > newest) {
            return Optional.empty();
        }
        List<Sequenced> missed = new ArrayList<>();
        for (Sequenced m : kept) {
            if (m.seq() > lastSeq) {
                missed.add(m);
            }
        }
        return Optional.of(missed);
    }

    int size() {
        return kept.size();
    }
}
