package org.tongke.signaling.protocol;

/** WebSocket close codes the server uses, with the reason text sent along. */
public final class CloseCodes {
    /** The server is stopping; reconnect elsewhere or later. */
    public static final int GOING_AWAY = 1001;
    /** With 1001: a single node stopping; the session ended with it, a reconnect starts afresh. */
    public static final String SERVER_STOPPING = "server stopping";
    /**
     * With 1001: one of several nodes stopping; the session is kept for the resume grace, a
     * reconnect that resumes it (reaching another node) carries on where it was.
     */
    public static final String NODE_STOPPING = "node stopping";
    /** Wrong protocol version. */
    public static final int PROTOCOL_ERROR = 1002;
    /** Policy: sustained flooding, or no hello first. */
    public static final int POLICY_VIOLATION = 1008;
    /** A frame over the size limit (sent by Netty's frame decoder). */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** The token was refused; the reason is the error code, e.g. TOKEN_EXPIRED. */
    public static final int TOKEN_REFUSED = 4001;
    /** Nothing received for two heartbeat intervals. */
    public static final int HEARTBEAT_TIMEOUT = 4002;
    /** Could not keep up with what the server had to send. */
    public static final int SLOW_CONSUMER = 4003;

    /** The session was resumed on another connection; this older one is closed. */
    public static final int SESSION_RESUMED = 4004;
    public static final String RESUMED_ELSEWHERE = "resumed elsewhere";

    private CloseCodes() {
    }
}
