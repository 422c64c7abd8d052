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

    /**
     * A room of the timetable: its host classroom known ahead, open while empty until
     * {@code keepUntil}; else as {@link #open(String, String, List)}.
     */
    Room open(String id, String title, List<String> classrooms, String host, java.time.Instant keepUntil);

    Optional<Room> find(String id);

    /** Forgets the room if it is still this one, empty, and not kept open any longer (see {@link Room#keepUntil()}). */
    void removeIfEmpty(Room room);

    int size();
}
