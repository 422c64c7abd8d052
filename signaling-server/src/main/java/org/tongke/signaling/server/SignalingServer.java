package org.tongke.signaling.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.agent.ClassroomAgents;
import org.tongke.signaling.bridge.BridgeClient;
import org.tongke.signaling.bridge.BridgeFocus;
import org.tongke.signaling.bridge.BridgePool;
import org.tongke.signaling.cluster.ClusterOptions;
import org.tongke.signaling.cluster.RedisNodes;
import org.tongke.signaling.held.HeldLessonOutbox;
import org.tongke.signaling.protocol.CloseCodes;
import org.tongke.signaling.protocol.MessageCodec;
import org.tongke.signaling.room.InMemoryRoomRegistry;
import org.tongke.signaling.room.LessonListener;
import org.tongke.signaling.schedule.AgreedSchedules;
import org.tongke.signaling.schedule.LessonRooms;
import org.tongke.signaling.schedule.ScheduleSource;
import org.tongke.signaling.service.SignalingMetrics;
import org.tongke.signaling.service.SignalingService;

/** The signaling server on one port: {@link #start}, {@link #port}, {@link #close}. */
public final class SignalingServer implements AutoCloseable {
    /** Below this, a burst of deltas to a slow rural link starts to queue; above, memory is at risk. */
    public static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);
    /** How long clients get to answer the close frame when the server stops. */
    public static final long CLOSE_WAIT_MILLIS = 2000;
    /** How often every bridge's health and load are checked. */
    static final long BRIDGE_CHECK_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup channels;
    private final Channel listener;
    private final SignalingService service;
    private final RedisNodes nodes;
    /** Lessons held live on their way to the recorder; null without {@code --recorder}. */
    private final HeldLessonOutbox held;

    private SignalingServer(EventLoopGroup boss, EventLoopGroup workers, ChannelGroup channels, Channel listener,
            SignalingService service, RedisNodes nodes, HeldLessonOutbox held) {
        this.nodes = nodes;
        this.held = held;
        this.boss = boss;
        this.workers = workers;
        this.channels = channels;
        this.listener = listener;
        this.service = service;
    }

    /** Binds and serves; the returned server is listening. */
    public static SignalingServer start(ServerOptions options, TokenVerifier tokens, Clock clock)
            throws InterruptedException {
        return start(options, tokens, clock, ScheduleSource.none(), LessonRooms.Timing.defaults());
    }

    /**
     * Binds and serves, with the published timetable: schedules pushed to the classrooms' agents
     * and lesson rooms opened and closed by {@code timing}.
     */
    public static SignalingServer start(ServerOptions options, TokenVerifier tokens, Clock clock,
            ScheduleSource schedules, LessonRooms.Timing timing) throws InterruptedException {
        return start(options, tokens, clock, schedules, timing, null);
    }

    /**
     * As {@link #start(ServerOptions, TokenVerifier, Clock, ScheduleSource, LessonRooms.Timing)},
     * one node of several sharing rooms and sessions over Redis when {@code cluster} is given.
     * {@link IllegalStateException} when Redis cannot be reached.
     */
    public static SignalingServer start(ServerOptions options, TokenVerifier tokens, Clock clock,
            ScheduleSource schedules, LessonRooms.Timing timing, ClusterOptions cluster) throws InterruptedException {
        SslContext ssl = sslContext(options);
        // With several nodes, agents get every schedule under the version all nodes agree on.
        AgreedSchedules agreed = cluster == null ? null : new AgreedSchedules(schedules);
        ScheduleSource served = agreed == null ? schedules : agreed;
        HeldLessonOutbox held = options.recorder() == null ? null : HeldLessonOutbox.start(options.recorder(),
                schedules::county, cluster == null ? ClusterOptions.defaultNode() : cluster.node(), clock);
        InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(clock, options.maxRooms(), !options.bridges().isEmpty(),
                held == null ? LessonListener.NONE : held);
        SignalingService service = new SignalingService(tokens, rooms, new SignalingMetrics(), options.heartbeat(),
                options.ice(), clock, options.resumeGrace(), new ClassroomAgents(served, clock));
        if (held != null) {
            service.metrics().also(held::prometheus);
        }
        BridgePool bridges = bridgePool(options, clock);
        RedisNodes nodes = cluster == null ? null
                : RedisNodes.connect(cluster.redisUri(), cluster.node(), cluster.lease(), service::fromNode);
        if (nodes != null) {
            service.cluster(nodes);
            agreed.agreeWith(nodes.scheduleVersions());
        }
        LessonRooms lessonRooms = new LessonRooms(schedules, rooms, clock, timing, service.roomClaims());
        if (!bridges.isEmpty()) {
            service.bridgeWith(new BridgeFocus(bridges, service.bridgeOutbox(), () -> UUID.randomUUID().toString()));
        }
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ChannelGroup channels = new DefaultChannelGroup("signaling", GlobalEventExecutor.INSTANCE);
        try {
            Channel listener = new ServerBootstrap().group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                    .childHandler(new SignalingInitializer(options, ssl, service, new MessageCodec(), channels, clock))
                    .bind(options.port()).sync().channel();
            if (!bridges.isEmpty()) {
                // Health and load of every bridge; the checks are asynchronous, nothing waits here.
                workers.next().scheduleAtFixedRate(() -> guarded("bridge checks", bridges::refresh), 0,
                        BRIDGE_CHECK_SECONDS, TimeUnit.SECONDS);
            }
            if (nodes != null) {
                workers.next().scheduleAtFixedRate(() -> guarded("room leases", service::clusterTick), 0,
                        cluster.tickMillis(), TimeUnit.MILLISECONDS);
            }
            long sweep = sweepMillis(options.resumeGrace());
            workers.next().scheduleAtFixedRate(service::expireAway, sweep, sweep, TimeUnit.MILLISECONDS);
            var timetableLoop = workers.next();
            timetableLoop.scheduleAtFixedRate(() -> guarded("timetable rooms", lessonRooms::tick), 0,
                    timing.every().toMillis(), TimeUnit.MILLISECONDS);
            timetableLoop.scheduleAtFixedRate(() -> guarded("schedules", served::refresh), 1, 1, TimeUnit.MINUTES);
            schedules.subscribe(changed -> timetableLoop.execute(() -> guarded("timetable rooms", lessonRooms::tick)));
            SignalingServer server = new SignalingServer(boss, workers, channels, listener, service, nodes, held);
            LOG.info("Signaling server listening on port {} ({})", server.port(), options.tls() ? "wss" : "ws");
            return server;
        } catch (InterruptedException | RuntimeException e) {
            if (nodes != null) {
                nodes.close();
            }
            if (held != null) {
                held.close();
            }
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw e;
        }
    }

    private static BridgePool bridgePool(ServerOptions options, Clock clock) {
        if (options.bridges().isEmpty()) {
            // No HTTP client (and its selector thread) for a node without bridges.
            return new BridgePool(List.of(), clock);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(BridgeClient.DEFAULT_TIMEOUT).build();
        List<BridgeClient> clients = new ArrayList<>();
        for (URI api : options.bridges()) {
            clients.add(new BridgeClient(api.getHost() + ":" + api.getPort(), api, http, BridgeClient.DEFAULT_TIMEOUT));
        }
        return new BridgePool(clients, clock);
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public SignalingService service() {
        return service;
    }

    /**
     * Stops accepting, closes every client with 1001, then stops the loops. Alone, the clients'
     * sessions end ("server stopping"). With Redis ("node stopping") they stay resumable: their rooms
     * see them away ({@code node-stopping}) and are handed over, so that the clients resume on
     * another node within the grace.
     */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Signaling server stop was interrupted; event loops may still be ending");
        }
    }

    private void stop() throws InterruptedException {
        boolean handOver = nodes != null;
        LOG.info("Signaling server stopping: closing {} connections{}", channels.size(),
                handOver ? ", their sessions left to resume on another node" : "");
        listener.close().sync();
        String text = handOver ? CloseCodes.NODE_STOPPING : CloseCodes.SERVER_STOPPING;
        String reason = handOver ? Disconnects.NODE_STOPPING : Disconnects.SERVER_STOPPING;
        for (Channel ch : channels) {
            ch.eventLoop().execute(() -> Disconnects.close(ch, CloseCodes.GOING_AWAY, text, reason));
        }
        channels.newCloseFuture().await(CLOSE_WAIT_MILLIS);
        channels.close().await(CLOSE_WAIT_MILLIS);
        afterClosedConnections();
        handOverRooms();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).await();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).await();
        if (nodes != null) {
            nodes.close();
        }
        if (held != null) {
            held.close();
        }
        LOG.info("Signaling server stopped");
    }

    /**
     * A channel tells its handlers it is inactive in a task queued on its loop once it is closed:
     * a task queued now on every loop runs after those, so every session has been marked away (and
     * its rooms told) before the rooms are handed over.
     */
    private void afterClosedConnections() throws InterruptedException {
        for (var loop : workers) {
            loop.submit(() -> { }).await(CLOSE_WAIT_MILLIS);
        }
    }

    /** With Redis: the rooms still held here go on on other nodes at once. Waits at most a couple of seconds. */
    private void handOverRooms() throws InterruptedException {
        try {
            service.handOverRooms().toCompletableFuture().get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Rooms not handed over to other nodes: {}; they go on there when their leases run out",
                    e.getMessage());
        }
    }

    /** A periodic task that fails is logged; it must not stop running. */
    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("The periodic task of {} failed", what, e);
        }
    }

    /** Away sessions are ended at most a quarter of the grace (and never more than a second) late. */
    static long sweepMillis(java.time.Duration grace) {
        return Math.max(10, Math.min(1000, grace.toMillis() / 4));
    }

    private static SslContext sslContext(ServerOptions options) {
        if (!options.tls()) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(options.tlsCert().toFile(), options.tlsKey().toFile()).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Unable to use TLS certificate " + options.tlsCert() + " and key "
                    + options.tlsKey() + ": " + e.getMessage(), e);
        }
    }
}
