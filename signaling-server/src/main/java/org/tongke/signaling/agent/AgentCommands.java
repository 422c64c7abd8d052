package org.tongke.signaling.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongke.signaling.protocol.ErrorCode;

/**
 * Commands forwarded to agents and waiting for their result: who sent which command id to which
 * classroom. Bounded: at most {@link #MAX_WAITING} per classroom, each forgotten after
 * {@link #TIMEOUT}. Thread-safe.
 */
public final class AgentCommands {
    /** An agent answers within seconds; one that has not after this never will. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Commands waiting per classroom; more is someone clicking in a loop. */
    public static final int MAX_WAITING = 32;

    private final Map<Key, Waiting> waiting = new LinkedHashMap<>();

    private record Key(String classroom, String id) {
    }

    /** A command waiting for its result: who asked, and when. */
    public record Waiting(String classroom, String id, Peer sender, Instant at) {
    }

    /** Notes that {@code sender} sent command {@code id} to {@code classroom}; refused when the id is taken or too many wait. */
    public synchronized void sent(String classroom, String id, Peer sender, Instant now) {
        expire(now);
        Key key = new Key(classroom, id);
        if (waiting.containsKey(key)) {
            throw new AgentRefusal(ErrorCode.BAD_MESSAGE, "a command with id " + id + " for " + classroom
                    + " is still waiting for its result; use another id");
        }
        long forClassroom = waiting.keySet().stream().filter(k -> k.classroom().equals(classroom)).count();
        if (forClassroom >= MAX_WAITING) {
            throw new AgentRefusal(ErrorCode.RATE_LIMITED, MAX_WAITING + " commands for " + classroom
                    + " are waiting for their results already");
        }
        waiting.put(key, new Waiting(classroom, id, sender, now));
    }

    /** The command {@code id} of {@code classroom} answered: its sender, or refused when none waits. */
    public synchronized Peer answered(String classroom, String id, Instant now) {
        expire(now);
        Waiting w = waiting.remove(new Key(classroom, id));
        if (w == null) {
            throw new AgentRefusal(ErrorCode.BAD_MESSAGE, "no command " + id + " is waiting for a result from "
                    + classroom);
        }
        return w.sender();
    }

    /** Takes back a command that could not be forwarded. */
    public synchronized void withdraw(String classroom, String id) {
        waiting.remove(new Key(classroom, id));
    }

    /** Every command still waiting on {@code classroom}, removed (its agent went offline). */
    public synchronized List<Waiting> drop(String classroom) {
        List<Waiting> dropped = new ArrayList<>();
        for (Iterator<Waiting> it = waiting.values().iterator(); it.hasNext();) {
            Waiting w = it.next();
            if (w.classroom().equals(classroom)) {
                dropped.add(w);
                it.remove();
            }
        }
        return dropped;
    }

    public synchronized int size() {
        return waiting.size();
    }

    private void expire(Instant now) {
        waiting.values().removeIf(w -> !now.isBefore(w.at().plus(TIMEOUT)));
    }
}
