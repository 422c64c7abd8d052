package org.tongke.signaling.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what a slow client costs: once its channel is unwritable (over the high write-buffer
 * watermark) for longer than the grace period, it is dropped with reason {@code slow-consumer}.
 */
final class SlowConsumerHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SlowConsumerHandler.class);

    private final Duration grace;
    private ScheduledFuture<?> check;

    SlowConsumerHandler(Duration grace) {
        this.grace = grace;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable() && check == null) {
            check = ctx.executor().schedule(() -> dropIfStillStuck(ctx), grace.toMillis(), TimeUnit.MILLISECONDS);
        } else if (ctx.channel().isWritable() && check != null) {
            check.cancel(false);
            check = null;
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (check != null) {
            check.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    private void dropIfStillStuck(ChannelHandlerContext ctx) {
        check = null;
        if (!ctx.channel().isWritable()) {
            LOG.info("Connection {} dropped: it has not read what was sent for {}", ctx.channel().remoteAddress(), grace);
            Disconnects.drop(ctx.channel(), Disconnects.SLOW_CONSUMER);
        }
    }
}
