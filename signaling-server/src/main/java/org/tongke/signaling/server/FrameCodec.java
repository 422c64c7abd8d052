package org.tongke.signaling.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;
import org.tongke.signaling.protocol.ErrorCode;
import org.tongke.signaling.protocol.Invalid;
import org.tongke.signaling.protocol.MessageCodec;
import org.tongke.signaling.protocol.Sequenced;
import org.tongke.signaling.service.SignalingMetrics;

/** WebSocket text frames to protocol records and back, through the one {@link MessageCodec}. */
final class FrameCodec extends MessageToMessageCodec<WebSocketFrame, Sequenced> {
    private final MessageCodec codec;
    private final SignalingMetrics metrics;

    FrameCodec(MessageCodec codec, SignalingMetrics metrics) {
        this.codec = codec;
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        if (Disconnects.closing(ctx.channel())) {
            // Our close frame is on its way: what the peer still sends until it answers is dropped.
            return;
        }
        metrics.messageIn();
        if (frame instanceof TextWebSocketFrame text) {
            out.add(codec.decodeClient(text.text()));
        } else {
            out.add(new Invalid(ErrorCode.BAD_JSON, "messages are JSON in text frames", null));
        }
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Sequenced message, List<Object> out) {
        metrics.messageOut();
        // Straight into a pooled buffer: the String constructor copies into an unpooled one.
        out.add(new TextWebSocketFrame(ByteBufUtil.writeUtf8(ctx.alloc(), codec.encodeServer(message))));
    }
}
