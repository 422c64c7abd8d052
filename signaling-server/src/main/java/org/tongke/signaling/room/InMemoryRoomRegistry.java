package org.tongke.signaling.room;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Rooms of one node, in memory, at most {@code maxRooms}. */
public final class InMemoryRoomRegistry implements RoomRegistry {
    /** A county has tens of recording classrooms live at once; a thousand rooms is ample for one node. */
    public static final int DEFAULT_MAX_ROOMS = 1000;

    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxRooms;
    private final boolean bridging;
    private final LessonListener lessons;

    public InMemoryRoomRegistry(Clock clock, int maxRooms) {
        this(clock, maxRooms, false);
    }

    /** @param bridging whether rooms of three classrooms or more go through a bridge (one is configured) */
    public InMemoryRoomRegistry(Clock clock, int maxRooms, boolean bridging) {
        this(clock, maxRooms, bridging, LessonListener.NONE);
    }

    /** @param lessons hears of every lesson that ran to its end in a room of this registry */
    public InMemoryRoomRegistry(Clock clock, int maxRooms, boolean bridging, LessonListener lessons) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxRooms = maxRooms;
        this.bridging = bridging;
        this.lessons = Objects.requireNonNull(lessons, "lessons");
    }

    @Override
    public Room open(String id, String title, List<String> classrooms) {
        return open(id, title, classrooms, null, null);
    }

    @Override
    public Room open(String id, String title, List<String> classrooms, String host, java.time.Instant keepUntil) {
        if (rooms.size() >= maxRooms) {
            throw new RoomException(RoomProblem.ROOM_LIMIT, "this node holds " + maxRooms + " rooms already");
        }
        Room room = new Room(id, title, classrooms, host, keepUntil, clock);
        room.allowBridge(bridging);
        room.listen(lessons);
        if (rooms.putIfAbsent(id, room) != null) {
            throw new RoomException(RoomProblem.ROOM_EXISTS, "room " + id + " is open already");
        }
        return room;
    }

    @Override
    public Optional<Room> find(String id) {
        return Optional.ofNullable(rooms.get(id));
    }

    @Override
    public boolean adopt(Room room) {
        room.allowBridge(bridging);
        room.listen(lessons);
        return rooms.putIfAbsent(room.id(), room) == null;
    }

    @Override
    public void removeIfEmpty(Room room) {
        // Checked under the room's lock so that a concurrent join is not lost.
        synchronized (room) {
            if (room.isEmpty() && (room.keepUntil() == null || !clock.instant().isBefore(room.keepUntil()))) {
                if (rooms.remove(room.id(), room)) {
                    room.closed();
                }
            }
        }
    }

    @Override
    public boolean forget(Room room) {
        return rooms.remove(room.id(), room);
    }

    @Override
    public int size() {
        return rooms.size();
    }
}
