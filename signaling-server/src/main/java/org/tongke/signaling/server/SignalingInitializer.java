package org.tongke.signaling.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.tongke.signaling.protocol.MessageCodec;
import org.tongke.signaling.service.SignalingService;

/** Wires one connection's pipeline, a flat list with named limits; nothing else. */
final class SignalingInitializer extends ChannelInitializer<SocketChannel> {
    /** HTTP requests here are GETs and the handshake: no bodies worth more than this. */
    static final int MAX_HTTP_CONTENT = 8 * 1024;
    /** A control message is well under 1 KiB; 64 KiB leaves room for an SDP offer later. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    /** Silent for this many heartbeat intervals and a client is dropped. */
    static final int HEARTBEATS_BEFORE_IDLE = 2;

    private final ServerOptions options;
    private final SslContext ssl;
    private final SignalingService service;
    private final MessageCodec codec;
    private final ChannelGroup channels;
    private final java.time.Clock clock;

    SignalingInitializer(ServerOptions options, SslContext ssl, SignalingService service, MessageCodec codec,
            ChannelGroup channels, java.time.Clock clock) {
        this.clock = clock;
        this.options = options;
        this.ssl = ssl;
        this.service = service;
        this.codec = codec;
        this.channels = channels;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        channels.add(ch);
        ChannelPipeline p = ch.pipeline();
        if (ssl != null) {
            p.addLast("tls", ssl.newHandler(ch.alloc()));
        }
        p.addLast("http", new HttpServerCodec());
        p.addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_CONTENT));
        p.addLast("classroom-endpoints", new ClassroomEndpoints(service, clock));
        p.addLast("http-endpoints", new HttpEndpoints(service));
        p.addLast("client-close", new ClientCloseHandler());
        p.addLast("websocket", new WebSocketServerProtocolHandler(HttpEndpoints.WEBSOCKET_PATH, null, false,
                MAX_FRAME_BYTES));
        p.addLast("websocket-aggregator", new WebSocketFrameAggregator(MAX_FRAME_BYTES));
        p.addLast("idle", new IdleStateHandler(options.heartbeat().toMillis() * HEARTBEATS_BEFORE_IDLE, 0, 0,
                TimeUnit.MILLISECONDS));
        p.addLast("frame-codec", new FrameCodec(codec, service.metrics()));
        p.addLast("rate-limit", new RateLimitHandler(new TokenBucket(options.messagesPerSecond(), options.burst(),
                RateLimitHandler.MAX_REFUSALS_IN_ROW, System::nanoTime)));
        p.addLast("slow-consumer", new SlowConsumerHandler(options.slowConsumerGrace()));
        p.addLast("session", new SessionHandler(service));
    }
}
