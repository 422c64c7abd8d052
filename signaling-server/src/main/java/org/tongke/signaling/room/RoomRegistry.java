package org.tongke.signaling.room;

import java.util.List;
import java.util.Optional;

/**
 * Where a node finds the rooms it owns, in memory ({@link InMemoryRoomRegistry}). With Redis a
 * node routes to rooms other nodes own through {@code org.tongke.signaling.service.NodeRouting}
 * and adopts the rooms of a node that died.
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

    /**
     * A room rebuilt from another node's stored state (that node died): held here from now on.
     * False when this registry holds a room of that id already.
     */
    boolean adopt(Room room);

    /** Forgets the room if it is still this one, empty, and not kept open any longer (see {@link Room#keepUntil()}). */
    void removeIfEmpty(Room room);

    /**
     * Forgets the room without closing it: another node owns it now and its lesson goes on there.
     * False when this registry holds no such room.
     */
    boolean forget(Room room);

    int size();
}
