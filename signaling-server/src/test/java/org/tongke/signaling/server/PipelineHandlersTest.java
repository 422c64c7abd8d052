package org.tongke.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.protocol.ErrorCode;
import org.tongke.signaling.protocol.Invalid;
import org.tongke.signaling.protocol.MessageCodec;
import org.tongke.signaling.protocol.Sequenced;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.service.SignalingMetrics;

/** The frame codec, rate limiter and slow-consumer guard, each in an EmbeddedChannel. */
class PipelineHandlersTest {
    private final SignalingMetrics metrics = new SignalingMetrics();

    @Test
    void frameCodecTurnsTextFramesIntoRecordsAndRecordsIntoNumberedFrames() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameCodec(new MessageCodec(), metrics));

        ch.writeInbound(new TextWebSocketFrame("{\"v\":1,\"type\":\"ping\",\"t\":5}"));
        ch.writeOutbound(new Sequenced(3, new ServerMessage.Pong(5, 1700000000000L)));

        assertThat((Object) ch.readInbound()).isEqualTo(new ClientMessage.Ping(5L));
        TextWebSocketFrame out = ch.readOutbound();
        assertThat(out.text()).isEqualTo("{\"v\":1,\"type\":\"pong\",\"seq\":3,\"t\":5,\"serverTime\":1700000000000}");
        out.release();
        assertThat(metrics.messagesIn()).isEqualTo(1);
        assertThat(metrics.messagesOut()).isEqualTo(1);
    }

    @Test
    void frameCodecPassesBadInputOnAsInvalid() {
        EmbeddedChannel ch = new EmbeddedChannel(new FrameCodec(new MessageCodec(), metrics));

        ch.writeInbound(new TextWebSocketFrame("{oops"));
        ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2})));

        assertThat(((Invalid) ch.readInbound()).code()).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(((Invalid) ch.readInbound()).code()).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void rateLimiterTellsOnceDropsTheRestAndClosesASustainedFlood() {
        AtomicLong now = new AtomicLong();
        EmbeddedChannel ch = new EmbeddedChannel(new RateLimitHandler(new TokenBucket(1, 2, 3, now::get)));
        ClientMessage ping = new ClientMessage.Ping(1L);

        for (int i = 0; i < 5; i++) {
            ch.writeInbound(ping);
        }
        assertThat((Object) ch.readInbound()).isEqualTo(ping);
        assertThat((Object) ch.readInbound()).isEqualTo(ping);
        assertThat(((Invalid) ch.readInbound()).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.isOpen()).isTrue();

        ch.writeInbound(ping);
        ch.runPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(Disconnects.reason(ch)).isEqualTo(Disconnects.RATE_LIMIT);
    }

    @Test
    void clientThatStaysUnwritableBeyondTheGraceIsDroppedAsSlowConsumer() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        ch.pipeline().addLast(new SlowConsumerHandler(Duration.ofSeconds(10)));
        ch.freezeTime();

        ch.write(Unpooled.wrappedBuffer(new byte[64]));
        assertThat(ch.isWritable()).isFalse();
        ch.advanceTimeBy(9, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(2, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();

        assertThat(ch.isOpen()).isFalse();
        assertThat(Disconnects.reason(ch)).isEqualTo("slow-consumer");
    }

    @Test
    void clientThatCatchesUpInTimeStays() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        ch.pipeline().addLast(new SlowConsumerHandler(Duration.ofSeconds(10)));
        ch.freezeTime();

        ch.write(Unpooled.wrappedBuffer(new byte[64]));
        ch.flush();
        ch.advanceTimeBy(11, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();

        assertThat(ch.isOpen()).isTrue();
        ch.releaseOutbound();
    }
}
