package org.tongke.signaling.room;

/** Why a room refused something; the names match the protocol's error codes. */
public enum RoomProblem {
    NOT_IN_ROOM, NO_SUCH_ROOM, NO_SUCH_PARTICIPANT, NO_SUCH_CLASSROOM, ROOM_EXISTS, ROOM_LIMIT, FORBIDDEN, BAD_STATE, BAD_MESSAGE
}
