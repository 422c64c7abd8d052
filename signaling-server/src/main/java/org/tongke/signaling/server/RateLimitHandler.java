package org.tongke.signaling.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.tongke.signaling.protocol.CloseCodes;
import org.tongke.signaling.protocol.ErrorCode;
import org.tongke.signaling.protocol.Inbound;
import org.tongke.signaling.protocol.Invalid;

/**
 * Caps each connection's message rate with a {@link TokenBucket}. A message over the rate is
 * dropped; the first of a run is answered with RATE_LIMITED, and a client that keeps flooding
 * is closed with 1008.
 */
final class RateLimitHandler extends ChannelInboundHandlerAdapter {
    /** One second of flooding at the default rate after the first refusal. */
    static final int MAX_REFUSALS_IN_ROW = 50;

    private final TokenBucket bucket;
    private boolean closing;

    RateLimitHandler(TokenBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Inbound)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        switch (bucket.take()) {
            case ALLOW -> ctx.fireChannelRead(msg);
            case REFUSE_FIRST -> ctx.fireChannelRead(new Invalid(ErrorCode.RATE_LIMITED,
                    "too many messages; slow down (this one and more were dropped)", null));
            case REFUSE -> { }
            case DISCONNECT -> {
                closing = true;
                // Queued behind the replies already on their way (see ChannelConnection#send).
                ctx.executor().execute(() -> Disconnects.close(ctx.channel(), CloseCodes.POLICY_VIOLATION,
                        "rate limit", Disconnects.RATE_LIMIT));
            }
        }
    }
}
