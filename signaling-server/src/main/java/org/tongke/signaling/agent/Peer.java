package org.tongke.signaling.agent;

import org.tongke.config.auth.Identity;
import org.tongke.signaling.protocol.ServerMessage;

/** A welcomed client as this package sees it: who it is, and a way to send it a message. */
public interface Peer {
    /** The session id. */
    String id();

    Identity identity();

    /** Numbers and sends (or keeps for a resume) without blocking. */
    void send(ServerMessage message);
}
