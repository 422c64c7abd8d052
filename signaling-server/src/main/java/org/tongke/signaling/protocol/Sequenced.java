package org.tongke.signaling.protocol;

import java.util.Objects;

/**
 * A server message with its place in the connection's stream: {@code seq} starts at 1 and grows
 * by one per message, so a client that reconnects can say what it saw last.
 */
public record Sequenced(long seq, ServerMessage message) {
    public Sequenced {
        if (seq < 1) {
            throw new IllegalArgumentException("seq " + seq + " is below 1");
        }
        Objects.requireNonNull(message, "message");
    }
}
