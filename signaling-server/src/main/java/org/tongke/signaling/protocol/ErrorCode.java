package org.tongke.signaling.protocol;

import org.tongke.config.auth.TokenProblem;

/**
 * The stable codes of {@code error} messages. Names are part of the protocol: never renamed or
 * reused. Token refusals use {@code TOKEN_} followed by the {@link TokenProblem} name.
 */
public enum ErrorCode {
    /** {@code v} is not {@link MessageCodec#VERSION}; the connection is closed with 1002. */
    UNSUPPORTED_VERSION,
    /** The frame is not a JSON object. */
    BAD_JSON,
    /** A field is missing, of the wrong type or out of range. */
    BAD_MESSAGE,
    /** The {@code type} is none this server knows. */
    UNKNOWN_TYPE,
    /** Something other than {@code hello} came first; the connection is closed with 1008. */
    HELLO_FIRST,
    /** A second {@code hello} on one connection. */
    ALREADY_WELCOMED,
    /** The sender has not joined that room. */
    NOT_IN_ROOM,
    /** No room has that id. */
    NO_SUCH_ROOM,
    /** The classroom named is not a rural classroom of the room. */
    NO_SUCH_CLASSROOM,
    /** A {@code signal}'s {@code to} is no participant of the room. */
    NO_SUCH_PARTICIPANT,
    /** {@code open-room} with an id already open. */
    ROOM_EXISTS,
    /** The node holds as many rooms as it may. */
    ROOM_LIMIT,
    /** The sender's role or scope does not allow it. */
    FORBIDDEN,
    /** Not in this lesson state (start a lesson that has ended, ...). */
    BAD_STATE,
    /** Over the per-connection message rate; the message was dropped. */
    RATE_LIMITED,
    /**
     * A hello's {@code resume} names a session of another subject or role; the connection stays
     * open and unwelcomed (say hello again, without {@code resume}).
     */
    RESUME_REFUSED,
    /** An {@code agent-command} for a classroom whose agent is not connected. */
    AGENT_OFFLINE,
    /** A bug on the server; the message may not have been applied. */
    INTERNAL;

    /** {@code TOKEN_EXPIRED}, {@code TOKEN_BAD_SIGNATURE}, ... */
    public static String token(TokenProblem problem) {
        return "TOKEN_" + problem.name();
    }
}
