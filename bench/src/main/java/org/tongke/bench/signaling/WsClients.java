package org.tongke.bench.signaling;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Opens many WebSocket connections to one server on a few event loops (Netty's client). */
final class WsClients implements AutoCloseable {
    /** The server's own bound; the generator never sends more. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    static final int MAX_HTTP_CONTENT = 8 * 1024;
    /** Connecting 10,000 clients queues handshakes behind each other on a loaded machine. */
    static final long HANDSHAKE_TIMEOUT_MILLIS = 60_000;

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final WebSocketClientProtocolConfig config;

    WsClients(int port, int threads) {
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(URI.create("ws://127.0.0.1:" + port + "/ws"))
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .build();
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) HANDSHAKE_TIMEOUT_MILLIS)
                .remoteAddress("127.0.0.1", port);
    }

    /** Connects and completes once the WebSocket handshake is done. */
    CompletableFuture<Client> connect(Client client) {
        bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                        .addLast("http", new HttpClientCodec())
                        .addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_CONTENT))
                        .addLast("websocket", new WebSocketClientProtocolHandler(config))
                        .addLast("websocket-aggregator", new WebSocketFrameAggregator(MAX_FRAME_BYTES))
                        .addLast("client", client);
            }
        }).connect().addListener(f -> {
            if (!f.isSuccess()) {
                client.opened().completeExceptionally(f.cause());
            }
        });
        return client.opened();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
