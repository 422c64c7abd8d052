package org.tongke.signaling.service;

import org.tongke.signaling.protocol.ServerMessage;

/** One client's connection as the service sees it. Thread-safe; never blocks. */
public interface Connection {
    /** The session id, unique on this node. */
    String id();

    /** Queues a message; it gets the connection's next {@code seq}. */
    void send(ServerMessage message);

    /** Sends a close frame with {@code code} and {@code reason}, then closes. */
    void close(int code, String reason);
}
