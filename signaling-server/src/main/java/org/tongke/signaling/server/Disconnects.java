package org.tongke.signaling.server;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.AttributeKey;
import java.util.concurrent.TimeUnit;

/** Closing a connection with a code, and remembering why for the metrics and the room. */
final class Disconnects {
    /** Why the channel closed; unset means the connection was lost ({@link #CONNECTION_LOST}). */
    static final AttributeKey<String> REASON = AttributeKey.valueOf("tongke.disconnect.reason");
    /** The client sent a close frame with 1000: it left for good. */
    static final String CLIENT = "client-closed";
    /** The TCP connection ended without a clean close: the session may be resumed. */
    static final String CONNECTION_LOST = "connection-lost";
    static final String HEARTBEAT_TIMEOUT = "heartbeat-timeout";
    static final String SLOW_CONSUMER = "slow-consumer";
    static final String RATE_LIMIT = "rate-limit";
    static final String PROTOCOL = "protocol-error";
    static final String SERVER_STOPPING = "server-stopping";
    /** One of several nodes stops: the session waits to be resumed on another. */
    static final String NODE_STOPPING = org.tongke.signaling.service.SignalingService.NODE_STOPPING;

    private Disconnects() {
    }

    static final String TOKEN_REFUSED = "token-refused";
    /** Set once the WebSocket handshake is done: only then may a close frame be written. */
    static final AttributeKey<Boolean> WEBSOCKET = AttributeKey.valueOf("tongke.websocket");
    private static final AttributeKey<Boolean> CLOSING = AttributeKey.valueOf("tongke.closing");
    /** How long a peer has to answer our close frame before the connection is closed anyway. */
    static final long CLOSE_HANDSHAKE_MILLIS = 2_000;

    /**
     * Records {@code reason} (the first one wins), sends a close frame with {@code code} and
     * {@code text} when the connection speaks WebSocket, then closes.
     */
    static void close(Channel channel, int code, String text, String reason) {
        channel.attr(REASON).setIfAbsent(reason);
        if (channel.isActive() && Boolean.TRUE.equals(channel.attr(WEBSOCKET).get())) {
            if (channel.attr(CLOSING).setIfAbsent(Boolean.TRUE) != null) {
                return;
            }
            // The close handshake: the peer answers our close frame and the WebSocket handler then
            // closes. Closing the socket at once, with the peer's frames still unread, would reset the
            // connection and the peer could lose the frames (an error, this close) sent just before.
            channel.writeAndFlush(new CloseWebSocketFrame(code, text));
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, CLOSE_HANDSHAKE_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            channel.close();
        }
    }

    /** True once a close frame was sent: nothing more the peer sends is acted on. */
    static boolean closing(Channel channel) {
        return Boolean.TRUE.equals(channel.attr(CLOSING).get());
    }

    /** Closes at once, without a close frame (the connection cannot take one). */
    static void drop(Channel channel, String reason) {
        channel.attr(REASON).setIfAbsent(reason);
        channel.close();
    }

    static String reason(Channel channel) {
        String reason = channel.attr(REASON).get();
        return reason == null ? CONNECTION_LOST : reason;
    }

    /** Whether the session outlives the connection, for a resume: the network failed, not the client. */
    static boolean resumable(String reason) {
        return CONNECTION_LOST.equals(reason) || HEARTBEAT_TIMEOUT.equals(reason) || SLOW_CONSUMER.equals(reason)
                || NODE_STOPPING.equals(reason);
    }
}
