package org.tongke.signaling.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The stand-in's bridge channels: the colibri WebSocket of each endpoint,
 * {@code /colibri-ws/standin/<meeting>/<endpoint>?pwd=<ice-pwd>}. Like the bridge it refuses a
 * wrong {@code pwd} or an unknown endpoint, greets with {@code ServerHello}, and from the
 * receivers' {@code ReceiverVideoConstraints} tells each sender the highest height anyone wants of
 * its video ({@code SenderSourceConstraints}). It records what each endpoint sent and can drop
 * every channel, so a test can see the console open it again.
 */
final class StandInBridgeChannels implements AutoCloseable {
    static final String PREFIX = "/colibri-ws/standin/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 64 * 1024;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    /** The bridge's ICE password of an endpoint, or null when the endpoint does not exist. */
    private final BiFunction<String, String, String> passwords;
    /** The video source names of each endpoint of a meeting. */
    private final Function<String, Map<String, List<String>>> videoSources;
    private final Map<String, Channel> open = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
    private final Map<String, Integer> senderCaps = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    /** Like the bridge's {@code videobridge.websockets.domain}: where consoles reach the channels. */
    private volatile String domain;

    StandInBridgeChannels(BiFunction<String, String, String> passwords,
                          Function<String, Map<String, List<String>>> videoSources) {
        this.passwords = passwords;
        this.videoSources = videoSources;
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(MAX_MESSAGE))
                                .addLast(new Handler());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly().channel();
    }

    String url(String meeting, String endpoint, String pwd) {
        String host = domain != null ? domain : "127.0.0.1:" + port();
        return "ws://" + host + PREFIX + meeting + "/" + endpoint + "?pwd=" + pwd;
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    void domain(String hostAndPort) {
        domain = hostAndPort;
    }

    /** What the endpoint sent over its channels, oldest first. */
    List<ObjectNode> received(String endpoint) {
        return List.copyOf(received.getOrDefault(endpoint, List.of()));
    }

    /** How many times the endpoint's channel was opened. */
    int opens(String endpoint) {
        AtomicInteger n = opens.get(endpoint);
        return n == null ? 0 : n.get();
    }

    int refused() {
        return refused.get();
    }

    boolean isOpen(String endpoint) {
        Channel ch = open.get(endpoint);
        return ch != null && ch.isActive();
    }

    /** Closes every channel as a bridge restart or a broken proxy would (no close frame). */
    void dropAll() {
        open.values().forEach(Channel::close);
    }

    /** The endpoint was expired: its channel goes, as on the bridge. */
    void expired(String endpoint) {
        Channel ch = open.remove(endpoint);
        if (ch != null) {
            ch.writeAndFlush(new CloseWebSocketFrame(1001, "endpoint expired")).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<Object> {
        private WebSocketServerHandshaker handshaker;
        private String meeting;
        private String endpoint;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest request) {
                upgrade(ctx, request);
            } else if (msg instanceof CloseWebSocketFrame close) {
                handshaker.close(ctx.channel(), close.retain());
            } else if (msg instanceof TextWebSocketFrame text) {
                message(text.text());
            } else if (msg instanceof WebSocketFrame) {
                ctx.close();
            }
        }

        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
            QueryStringDecoder query = new QueryStringDecoder(request.uri());
            String[] parts = query.path().startsWith(PREFIX) ? query.path().substring(PREFIX.length()).split("/") : new String[0];
            String pwd = query.parameters().getOrDefault("pwd", List.of("")).get(0);
            String expected = parts.length == 2 ? passwords.apply(parts[0], parts[1]) : null;
            if (expected == null || !expected.equals(pwd)) {
                refused.incrementAndGet();
                var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        expected == null ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.FORBIDDEN,
                        Unpooled.copiedBuffer(expected == null ? "no such endpoint" : "wrong pwd", StandardCharsets.UTF_8));
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            meeting = parts[0];
            endpoint = parts[1];
            handshaker = new WebSocketServerHandshakerFactory(request.uri(), null, false, MAX_MESSAGE).newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            handshaker.handshake(ctx.channel(), request).addListener(f -> {
                if (f.isSuccess()) {
                    Channel previous = open.put(endpoint, ctx.channel());
                    if (previous != null && previous != ctx.channel()) {
                        previous.close();
                    }
                    opens.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
                    send(endpoint, JSON.createObjectNode().put("colibriClass", "ServerHello").put("version", "stand-in"));
                    // As the bridge does when an endpoint's channel connects: what is asked of its video now.
                    videoSources.apply(meeting).getOrDefault(endpoint, List.of()).forEach(source -> {
                        Integer cap = senderCaps.get(source);
                        if (cap != null) {
                            send(endpoint, senderConstraints(source, cap));
                        }
                    });
                }
            });
        }

        private void message(String text) {
            ObjectNode message;
            try {
                message = (ObjectNode) JSON.readTree(text);
            } catch (Exception e) {
                return; // the bridge ignores what it cannot read
            }
            received.computeIfAbsent(endpoint, e -> new CopyOnWriteArrayList<>()).add(message);
            if ("ReceiverVideoConstraints".equals(message.path("colibriClass").asText())) {
                tellSenders(meeting);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (endpoint != null) {
                open.remove(endpoint, ctx.channel());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /**
     * Each sender learns the highest height any receiver of the meeting asks of its video; again
     * when sources change, since a receiver may have asked for a source before its sender's
     * answer reached the bridge.
     */
    synchronized void tellSenders(String meeting) {
        Map<String, List<String>> sources = videoSources.apply(meeting);
        sources.forEach((sender, names) -> names.forEach(source -> {
            int max = -1;
            for (String receiver : sources.keySet()) {
                if (!receiver.equals(sender)) {
                    max = Math.max(max, lastConstraintOf(receiver, source));
                }
            }
            if (max >= 0 && !Integer.valueOf(max).equals(senderCaps.put(source, max))) {
                send(sender, senderConstraints(source, max));
            }
        }));
    }

    private static ObjectNode senderConstraints(String source, int maxHeight) {
        return JSON.createObjectNode().put("colibriClass", "SenderSourceConstraints").put("sourceName", source)
                .put("maxHeight", maxHeight);
    }

    /** The height {@code receiver} last asked of {@code source}, or -1 before it asked anything. */
    private int lastConstraintOf(String receiver, String source) {
        List<ObjectNode> sent = received.getOrDefault(receiver, List.of());
        for (int i = sent.size() - 1; i >= 0; i--) {
            JsonNode m = sent.get(i);
            if ("ReceiverVideoConstraints".equals(m.path("colibriClass").asText())) {
                JsonNode c = m.path("constraints").path(source).path("maxHeight");
                return c.isInt() ? c.asInt() : m.path("defaultConstraints").path("maxHeight").asInt(-1);
            }
        }
        return -1;
    }

    private void send(String endpoint, ObjectNode message) {
        Channel ch = open.get(endpoint);
        if (ch != null) {
            ch.writeAndFlush(new TextWebSocketFrame(message.toString()));
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
