package org.tongke.signaling.server;

import io.netty.channel.Channel;
import java.util.UUID;
import org.tongke.signaling.protocol.CloseCodes;
import org.tongke.signaling.protocol.Sequenced;
import org.tongke.signaling.service.SignalingMetrics;
import org.tongke.signaling.service.Connection;

/** A {@link Connection} over a Netty channel; writes what its session numbered. */
final class ChannelConnection implements Connection {
    /** Past this much unsent, a client is dropped at once rather than after the grace period. */
    static final long MAX_PENDING_BYTES = 1024 * 1024;
    /**
     * Messages queued for the event loop are not in the channel's buffer yet, so the water marks
     * do not see them; a client whose loop falls this far behind is dropped too, never queued for.
     */
    static final int MAX_QUEUED_MESSAGES = 4096;

    /**
     * When the client message being handled on this thread arrived; set by {@link SessionHandler}
     * around the handling, so that what it causes for other connections can be timed.
     */
    static final ThreadLocal<Arrival> ARRIVED = new ThreadLocal<>();

    /** A client message being handled: when it arrived, and on which connection. */
    record Arrival(long nanos, ChannelConnection from) {
    }

    private final Channel channel;
    private final SignalingMetrics metrics;
    private final String id = UUID.randomUUID().toString();
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();

    ChannelConnection(Channel channel, SignalingMetrics metrics) {
        this.channel = channel;
        this.metrics = metrics;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * Queues the write on the channel's event loop; callers number under their session's lock,
     * so seq order is write order even when rooms on other loops broadcast to it.
     */
    @Override
    public synchronized void send(Sequenced numbered) {
        if (!channel.isActive()) {
            return;
        }
        if (!channel.isWritable() && channel.bytesBeforeWritable() > MAX_PENDING_BYTES
                || queued.get() >= MAX_QUEUED_MESSAGES) {
            Disconnects.drop(channel, Disconnects.SLOW_CONSUMER);
            return;
        }
        queued.incrementAndGet();
        Arrival arrival = ARRIVED.get();
        boolean relay = arrival != null && arrival.from() != this;
        long arrived = arrival == null ? 0 : arrival.nanos();
        channel.eventLoop().execute(() -> {
            queued.decrementAndGet();
            channel.writeAndFlush(numbered);
            if (relay) {
                metrics.relayed(System.nanoTime() - arrived);
            }
        });
    }

    @Override
    public void close(int code, String reason) {
        String why = switch (code) {
            case CloseCodes.TOKEN_REFUSED -> Disconnects.TOKEN_REFUSED;
            case CloseCodes.GOING_AWAY -> Disconnects.SERVER_STOPPING;
            default -> Disconnects.PROTOCOL;
        };
        // Through the event loop, behind the messages queued before it (an error, then the close).
        channel.eventLoop().execute(() -> Disconnects.close(channel, code, reason, why));
    }
}
