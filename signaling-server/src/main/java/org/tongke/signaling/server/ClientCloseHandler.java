package org.tongke.signaling.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

/**
 * Notes a client's close frame before the WebSocket handler answers it: a close with 1000 means
 * the client left for good ({@link Disconnects#CLIENT}); any other code, or none, leaves the
 * session resumable.
 */
final class ClientCloseHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof CloseWebSocketFrame close
                && close.statusCode() == WebSocketCloseStatus.NORMAL_CLOSURE.code()) {
            ctx.channel().attr(Disconnects.REASON).setIfAbsent(Disconnects.CLIENT);
        }
        ctx.fireChannelRead(msg);
    }
}
