package org.tongke.signaling.room;

/**
 * A participant's end of a room: what the room tells them. Called under the room's lock, so an
 * implementation only queues (never blocks) and catches its own failures.
 */
public interface Member {
    Participant participant();

    void snapshot(RoomState state);

    void delta(String room, RoomChange change);

    /** A WebRTC signal from {@code from} (a session id) to this member alone; {@code payload} is opaque here. */
    void signal(String room, String from, String kind, Object payload);
}
