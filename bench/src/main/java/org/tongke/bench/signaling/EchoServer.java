package org.tongke.bench.signaling;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tongke.signaling.server.SignalingServer;

/**
 * The baseline: a plain Netty WebSocket server that sends every text frame back as it came, on
 * the signaling server's pipeline shape (HTTP codec, bounded aggregator, WebSocket protocol
 * handler, frame aggregator) with its socket options and loop sizes, and nothing else. Run as a
 * process: prints {@code listening PORT}, serves until killed.
 */
public final class EchoServer {
    static final int MAX_HTTP_CONTENT = 8 * 1024;
    static final int MAX_FRAME_BYTES = 64 * 1024;
    static final String WEBSOCKET_PATH = "/ws";

    private EchoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        Channel listener = new ServerBootstrap().group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, SignalingServer.WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("http", new HttpServerCodec())
                                .addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_CONTENT))
                                .addLast("websocket", new WebSocketServerProtocolHandler(WEBSOCKET_PATH, null, false,
                                        MAX_FRAME_BYTES))
                                .addLast("websocket-aggregator", new WebSocketFrameAggregator(MAX_FRAME_BYTES))
                                .addLast("echo", Echo.INSTANCE);
                    }
                }).bind(port).sync().channel();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            listener.close().syncUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            stopped.countDown();
        }, "echo-shutdown"));
        System.out.println("listening " + ((InetSocketAddress) listener.localAddress()).getPort());
        System.out.flush();
        stopped.await();
    }

    /** Writes the frame back; its buffer goes out as it came in. */
    @ChannelHandler.Sharable
    static final class Echo extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        static final Echo INSTANCE = new Echo();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            ctx.writeAndFlush(frame.retain(), ctx.voidPromise());
        }
    }
}
