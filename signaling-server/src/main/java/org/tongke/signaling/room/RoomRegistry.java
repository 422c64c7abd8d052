package org.tongke.signaling.room;

import java.util.List;
import java.util.Optional;

/**
 * Where a node finds its rooms. In memory for one node ({@link InMemoryRoomRegistry}); a Redis
 * one shares membership and routing across nodes later, behind this same interface.
 */
public interface RoomRegistry {
    /** A new room, or {@link RoomException} ROOM_EXISTS / ROOM_LIMIT. */
    Room open(String id, String title, List<String> classrooms);

    Optional<Room> find(String id);

    /** Forgets the room if it is still this one and empty. */
    void removeIfEmpty(Room room);

    int size();
}
