package org.tongke.signaling.service;

import org.tongke.signaling.protocol.Sequenced;

/** One client's connection as the service sees it. Thread-safe; never blocks. */
public interface Connection {
    /** Unique on this node; a fresh session takes its connection's id. */
    String id();

    /** Queues a message already numbered (by its session, or before hello by the service). */
    void send(Sequenced message);

    /** Sends a close frame with {@code code} and {@code reason}, then closes. */
    void close(int code, String reason);
}
