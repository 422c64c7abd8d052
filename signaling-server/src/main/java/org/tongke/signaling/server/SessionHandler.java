package org.tongke.signaling.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.signaling.protocol.CloseCodes;
import org.tongke.signaling.protocol.Inbound;
import org.tongke.signaling.service.SignalingService;

/** Thin: the connection's life (handshake, messages, silence, close) handed to {@link SignalingService}. */
final class SessionHandler extends SimpleChannelInboundHandler<Inbound> {
    private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);

    private final SignalingService service;
    private ChannelConnection connection;

    SessionHandler(SignalingService service) {
        this.service = service;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            ctx.channel().attr(Disconnects.WEBSOCKET).set(true);
            connection = new ChannelConnection(ctx.channel(), service.metrics());
            service.opened(connection);
        } else if (event instanceof IdleStateEvent) {
            Disconnects.close(ctx.channel(), CloseCodes.HEARTBEAT_TIMEOUT, Disconnects.HEARTBEAT_TIMEOUT,
                    Disconnects.HEARTBEAT_TIMEOUT);
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Inbound message) {
        if (connection != null) {
            ChannelConnection.ARRIVED.set(new ChannelConnection.Arrival(System.nanoTime(), connection));
            try {
                service.received(connection, message);
            } finally {
                ChannelConnection.ARRIVED.remove();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connection != null) {
            String reason = Disconnects.reason(ctx.channel());
            service.closed(connection, reason, Disconnects.resumable(reason));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.channel().attr(Disconnects.REASON).setIfAbsent(Disconnects.PROTOCOL);
        if (cause instanceof TooLongFrameException) {
            // A message over the bound sent in fragments, each within it: the aggregator refused it.
            LOG.info("Connection {} sent a message over the size limit", ctx.channel().remoteAddress());
            Disconnects.close(ctx.channel(), CloseCodes.MESSAGE_TOO_BIG, "message too big", Disconnects.PROTOCOL);
        } else if (cause instanceof CorruptedFrameException) {
            // The WebSocket decoder has sent its close frame (1009 for an oversized frame) and closes.
            LOG.info("Connection {} broke the protocol: {}", ctx.channel().remoteAddress(), cause.getMessage());
        } else {
            LOG.warn("Connection {} failed; closing it", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
