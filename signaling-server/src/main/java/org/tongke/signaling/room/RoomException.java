package org.tongke.signaling.room;

import java.util.Objects;

/** A refused room action; the message is plain English for the sender. Nothing was changed. */
public final class RoomException extends RuntimeException {
    private final RoomProblem problem;

    public RoomException(RoomProblem problem, String message) {
        // Refusals are routine input handling: no stack trace.
        super(message, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public RoomProblem problem() {
        return problem;
    }

    static RoomException forbidden(String message) {
        return new RoomException(RoomProblem.FORBIDDEN, message);
    }
}
