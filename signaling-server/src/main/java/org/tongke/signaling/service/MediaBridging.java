package org.tongke.signaling.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.tongke.signaling.bridge.BridgeChannel;
import org.tongke.signaling.bridge.BridgeFailure;
import org.tongke.signaling.bridge.BridgeFocus;
import org.tongke.signaling.bridge.Stage;
import org.tongke.signaling.room.MediaMode;
import org.tongke.signaling.room.Participant;
import org.tongke.signaling.room.Room;
import org.tongke.signaling.room.RoomException;
import org.tongke.signaling.room.RoomProblem;
import org.tongke.signaling.room.RoomRegistry;

/**
 * Keeps each room's bridge conference in step with the room: when a room is in {@code bridge}
 * mode, every console in it has an endpoint on the bridge; when it leaves the mode (or closes),
 * the conference ends; the room's stage (lead teacher, floor, spotlight) goes to the focus, which
 * turns it into each console's receiver constraints. Without a configured bridge it does nothing and rooms stay peer to peer.
 */
final class MediaBridging {
    private final RoomRegistry rooms;
    private volatile BridgeFocus focus;
    /** Per bridged room, the sessions that have an endpoint. */
    private final Map<String, Set<String>> entered = new ConcurrentHashMap<>();

    MediaBridging(RoomRegistry rooms) {
        this.rooms = rooms;
    }

    void use(BridgeFocus focus) {
        this.focus = focus;
    }

    /** What the focus says, delivered through the rooms. */
    BridgeFocus.Outbox outbox() {
        return new BridgeFocus.Outbox() {
            @Override
            public void signal(String room, String session, String kind, ObjectNode payload) {
                rooms.find(room).ifPresent(r -> r.signalFromBridge(session, BridgeFocus.BRIDGE, kind, payload));
            }

            @Override
            public void channel(String room, String session, BridgeChannel channel) {
                rooms.find(room).ifPresent(r -> r.signalFromBridge(session, BridgeFocus.BRIDGE, BridgeChannel.KIND, channel));
            }

            @Override
            public void notice(String room, String code, String message) {
                rooms.find(room).ifPresent(r -> {
                    r.mediaNotice(code, message, BridgeFailure.Kind.NONE_AVAILABLE.code().equals(code));
                    reconcile(r);
                });
            }
        };
    }

    /** After members came or went or the mode changed: endpoints for newcomers, none for leavers. */
    void reconcile(Room room) {
        BridgeFocus f = focus;
        if (f == null) {
            return;
        }
        Set<String> had = entered.computeIfAbsent(room.id(), id -> new HashSet<>());
        synchronized (had) {
            if (room.media() != MediaMode.BRIDGE || room.isEmpty()) {
                if (entered.remove(room.id()) != null && !had.isEmpty()) {
                    f.end(room.id());
                }
                had.clear();
                return;
            }
            Map<String, Participant> now = room.mediaParticipants().stream()
                    .collect(Collectors.toMap(Participant::session, p -> p, (a, b) -> a));
            for (String gone : Set.copyOf(had)) {
                if (!now.containsKey(gone)) {
                    had.remove(gone);
                    f.leave(room.id(), gone);
                }
            }
            now.forEach((session, p) -> {
                if (had.add(session)) {
                    f.enter(room.id(), room.title(), session, p.classroom() != null ? p.classroom() : p.subject());
                }
            });
            staged(room);
        }
    }

    /** The room is no longer held here (another node took it over): its conference here is expired. */
    void givenUp(String roomId) {
        BridgeFocus f = focus;
        if (f != null && entered.remove(roomId) != null) {
            f.end(roomId);
        }
    }

    /** After the floor or the spotlight moved, or members changed: the focus gets the room's stage. */
    void staged(Room room) {
        BridgeFocus f = focus;
        if (f == null || room.media() != MediaMode.BRIDGE) {
            return;
        }
        var state = room.state();
        f.stage(room.id(), Stage.of(room.mediaParticipants(), state.floor(), state.spotlight()));
    }

    /** A {@code signal} addressed to the bridge; false when it is addressed to a participant. */
    boolean signal(String session, Room room, String to, String kind, JsonNode payload) {
        if (!BridgeFocus.BRIDGE.equals(to)) {
            return false;
        }
        BridgeFocus f = focus;
        Set<String> had = entered.get(room.id());
        if (f == null || had == null || !had.contains(session)) {
            throw new RoomException(RoomProblem.NO_SUCH_PARTICIPANT, "room " + room.id()
                    + " has no bridge connection for you (its media is " + room.media().word() + ")");
        }
        try {
            f.fromConsole(room.id(), session, kind, payload);
        } catch (IllegalArgumentException e) {
            throw new RoomException(RoomProblem.BAD_MESSAGE, e.getMessage());
        }
        return true;
    }

    /** A session came back after a drop: fresh ICE with the bridge in each bridged room it is in. */
    void resumed(String session, Room room) {
        BridgeFocus f = focus;
        Set<String> had = entered.get(room.id());
        if (f != null && had != null && had.contains(session)) {
            f.resumed(room.id(), session);
        }
    }
}
