package org.tongke.signaling.room;

import java.util.Locale;

/**
 * How a room's media flows. {@code P2P}: the consoles connect to each other directly (WebRTC
 * between at most two classrooms). {@code BRIDGE}: from three classrooms each console connects
 * to a bridge (Jitsi Videobridge, a later step); the signaling relay stays the same for consoles.
 */
public enum MediaMode {
    P2P, BRIDGE;

    /** Most classrooms a peer-to-peer lesson carries: one connection between two rooms. */
    public static final int MAX_P2P_CLASSROOMS = 2;

    /** The mode for a lesson among {@code classrooms} classrooms present. */
    public static MediaMode forClassrooms(int classrooms) {
        return classrooms <= MAX_P2P_CLASSROOMS ? P2P : BRIDGE;
    }

    /** {@code p2p} or {@code bridge}: the word on the wire. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
