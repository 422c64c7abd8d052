package org.tongke.signaling.agent;

import java.util.Objects;
import org.tongke.signaling.protocol.ErrorCode;

/** A refused agent message or command; the sender gets an error of this code. Nothing was changed. */
public final class AgentRefusal extends RuntimeException {
    private final ErrorCode code;

    public AgentRefusal(ErrorCode code, String message) {
        // Refusals are routine input handling: no stack trace.
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
