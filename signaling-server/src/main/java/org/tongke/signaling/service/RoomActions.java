package org.tongke.signaling.service;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenRejected;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.room.Room;
import org.tongke.signaling.room.RoomAccess;
import org.tongke.signaling.room.RoomException;
import org.tongke.signaling.room.RoomProblem;
import org.tongke.signaling.room.RoomRegistry;

/** Applies one room message of a welcomed session to its room; refusals are {@link RoomException}s. */
final class RoomActions {
    /** A lesson between more rural rooms than this is no lesson this server can carry. */
    static final int MAX_CLASSROOMS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(RoomActions.class);

    private final RoomRegistry rooms;
    private final MediaBridging bridging;

    RoomActions(RoomRegistry rooms, MediaBridging bridging) {
        this.rooms = rooms;
        this.bridging = bridging;
    }

    void apply(Session session, ClientMessage.ForRoom message) {
        if (message instanceof ClientMessage.OpenRoom open) {
            open(session, open);
        } else if (message instanceof ClientMessage.Join) {
            join(session, room(message));
        } else if (message instanceof ClientMessage.Leave) {
            Room room = room(message);
            if (!room.has(session.id())) {
                throw new RoomException(RoomProblem.NOT_IN_ROOM, "you have not joined room " + room.id());
            }
            leave(session, room, "left");
        } else {
            control(session.id(), room(message), message);
        }
    }

    /** A session back after a drop: its bridged rooms restart ICE with the bridge. */
    void back(Session session, Room room) {
        bridging.resumed(session.id(), room);
    }

    /** After a member of another node came, went or came back: the bridge conference follows the room. */
    void reconcile(Room room, String backSession) {
        if (backSession != null) {
            bridging.resumed(backSession, room);
        }
        bridging.reconcile(room);
    }

    /** The room went to another node: its owner runs the bridge conference from now on. */
    void givenUp(Room room) {
        bridging.givenUp(room.id());
    }

    void leave(Session session, Room room, String reason) {
        session.rooms().remove(room.id());
        if (room.leave(session.id(), reason)) {
            rooms.removeIfEmpty(room);
            LOG.info("Room {} closed: its last participant left", room.id());
        }
        bridging.reconcile(room);
    }

    void control(String sid, Room room, ClientMessage.ForRoom m) {
        if (m instanceof ClientMessage.RaiseHand) {
            room.raiseHand(sid);
        } else if (m instanceof ClientMessage.LowerHand l) {
            room.lowerHand(sid, l.classroom());
        } else if (m instanceof ClientMessage.GrantFloor g) {
            room.grantFloor(sid, g.classroom());
            bridging.staged(room);
        } else if (m instanceof ClientMessage.RevokeFloor) {
            room.revokeFloor(sid);
            bridging.staged(room);
        } else if (m instanceof ClientMessage.Mute mute) {
            room.mute(sid, mute.classroom(), mute.muted());
        } else if (m instanceof ClientMessage.Lock lock) {
            room.lock(sid, lock.classroom(), lock.locked());
        } else if (m instanceof ClientMessage.Spotlight s) {
            room.spotlight(sid, s.classroom());
            bridging.staged(room);
        } else if (m instanceof ClientMessage.Chat chat) {
            room.chat(sid, chat.text());
        } else if (m instanceof ClientMessage.Attendance a) {
            room.attendance(sid, a.present(), a.total());
        } else if (m instanceof ClientMessage.StartLesson) {
            room.startLesson(sid);
        } else if (m instanceof ClientMessage.EndLesson) {
            room.endLesson(sid);
        } else if (m instanceof ClientMessage.Recording r) {
            room.recording(sid, r.recording());
        } else if (m instanceof ClientMessage.Signal signal) {
            if (!room.has(sid)) {
                throw new RoomException(RoomProblem.NOT_IN_ROOM, "you have not joined room " + room.id());
            }
            if (!bridging.signal(sid, room, signal.to(), signal.kind(), signal.payload())) {
                room.relay(sid, signal.to(), signal.kind(), signal.payload());
            }
        } else {
            throw new IllegalStateException("no action for " + m.getClass().getSimpleName());
        }
    }

    private void open(Session session, ClientMessage.OpenRoom open) {
        checkIds(open);
        if (!RoomAccess.mayOpen(session.identity(), open.room(), open.classrooms())) {
            throw new RoomException(RoomProblem.FORBIDDEN, "only staff, or the lead teacher of the lesson, open a room");
        }
        Room room = rooms.open(open.room(), open.title(), open.classrooms());
        LOG.info("Room {} opened by {} with rural classrooms {}", room.id(), session.identity().subject(),
                room.classrooms());
        join(session, room);
    }

    private void join(Session session, Room room) {
        if (!RoomAccess.mayJoin(session.identity(), room.id(), room.classrooms())) {
            throw new RoomException(RoomProblem.FORBIDDEN, "your token (" + session.identity().scope().text()
                    + ") does not admit you to room " + room.id());
        }
        session.rooms().add(room.id());
        room.join(session);
        bridging.reconcile(room);
    }

    private Room room(ClientMessage.ForRoom message) {
        return rooms.find(message.room()).orElseThrow(
                () -> new RoomException(RoomProblem.NO_SUCH_ROOM, "no room " + message.room() + " is open"));
    }

    /** Room ids are lesson ids and classrooms {@code school/room}, as the scheduler and tokens name them. */
    private static void checkIds(ClientMessage.OpenRoom open) {
        if (open.classrooms().size() > MAX_CLASSROOMS) {
            throw new RoomException(RoomProblem.BAD_MESSAGE, "at most " + MAX_CLASSROOMS + " classrooms in a room");
        }
        try {
            new Scope(Scope.Type.LESSON, open.room());
            open.classrooms().forEach(c -> new Scope(Scope.Type.CLASSROOM, c));
        } catch (TokenRejected | NullPointerException e) {
            throw new RoomException(RoomProblem.BAD_MESSAGE, "room is a lesson id and classrooms are SCHOOL/ROOM: "
                    + e.getMessage());
        }
    }

    /** {@code raise-hand} for RaiseHand, ... */
    static String typeOf(ClientMessage message) {
        return message.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
