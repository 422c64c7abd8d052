package org.tongke.agent.link;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.agent.schedule.Schedule;

/**
 * The agent's connection to the signaling server (java.net.http's WebSocket): {@code hello} with
 * the token (taking up the last session when there is one), a {@code ping} every
 * {@code heartbeatSeconds} followed by a {@code health}, the clock offset from each
 * {@code pong}, schedules cached then acknowledged, commands answered; a dropped link is
 * reconnected with backoff (1 s doubling to a minute, with jitter). Everything runs on one
 * thread of its own; commands run on another so a slow stop never holds the heartbeat.
 * It joins the room of each lesson the schedule has on (see {@link RoomMembership}), hands the
 * lead teacher's start and end of the lesson to the agent, and says in the room when the
 * recording actually starts or stops.
 */
public final class SignalingClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingClient.class);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** What the agent does with what the server says. */
    public interface Agent {
        /** Keeps the schedule if newer; answers the version now cached (what is acknowledged). */
        long schedule(Schedule schedule);

        /** Carries out {@code start-now}, {@code stop-now} or {@code status}; the result's message. */
        Result command(ServerMessage.Command command);

        Health health(Long clockOffsetMs);

        /** The lesson rooms to be in at {@code now} (room id = lesson id). */
        List<String> rooms(Instant now);

        /** A room the agent is in says its lesson is {@code waiting}, {@code live} or {@code ended}. */
        void lesson(String room, String state);
    }

    public record Result(boolean ok, String message) {
    }

    private final URI uri;
    private final String token;
    private final Clock clock;
    private final Agent agent;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "signaling"));
    private final ScheduledExecutorService commands = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "commands"));
    private WebSocket socket;
    private String session;
    private long lastSeq;
    private long backoffMs = 1000;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> roomTicks;
    private final RoomMembership rooms;
    private volatile Long clockOffsetMs;
    private long lastHeardNanos;
    private long heartbeatNanos;
    private volatile boolean welcomed;
    private volatile boolean closed;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    public SignalingClient(URI uri, String token, String classroom, Clock clock, Agent agent) {
        this.rooms = new RoomMembership(classroom);
        this.uri = uri;
        this.token = token;
        this.clock = clock;
        this.agent = agent;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public SignalingClient start() {
        loop.execute(this::connect);
        return this;
    }

    /** The last clock offset measured (server minus agent, ms), or null before the first pong. */
    public Long clockOffsetMs() {
        return clockOffsetMs;
    }

    public boolean connected() {
        return welcomed;
    }

    /**
     * The recording of {@code lesson} actually started ({@code on}) or stopped: the lesson's room,
     * when the agent is in it, hears {@code recording}; one it joins later hears it on joining.
     */
    public void recording(String lesson, boolean on) {
        try {
            loop.execute(() -> rooms.recording(lesson, on).forEach(this::send));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed: the agent is stopping and leaves every room with the connection.
        }
    }

    private void tickRooms() {
        try {
            rooms.tick(clock.instant(), agent.rooms(clock.instant())).forEach(this::send);
        } catch (RuntimeException e) {
            LOG.error("Lesson rooms tick failed", e);
        }
    }

    private void lesson(String room, String state) {
        commands.execute(() -> {
            try {
                agent.lesson(room, state);
            } catch (RuntimeException e) {
                LOG.error("Lesson {} {} not carried out", room, state, e);
            }
        });
    }

    private void connect() {
        if (closed) {
            return;
        }
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new Listener())
                .whenCompleteAsync((ws, error) -> {
                    if (error != null) {
                        LOG.warn("Signaling server {} not reached ({})", uri, error.getMessage());
                        reconnectLater();
                        return;
                    }
                    socket = ws;
                    send(AgentCodec.hello(token, session, lastSeq));
                }, loop);
    }

    private void reconnectLater() {
        welcomed = false;
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        if (roomTicks != null) {
            roomTicks.cancel(false);
            roomTicks = null;
        }
        socket = null;
        if (closed) {
            return;
        }
        long delay = backoffMs + ThreadLocalRandom.current().nextLong(backoffMs / 4 + 1);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Sends one text frame after the one before has gone (the WebSocket allows one send at a time). */
    private void send(String text) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        sending = sending.handle((v, e) -> null).thenCompose(v -> ws.sendText(text, true));
    }

    private void handle(String text) {
        ServerMessage m;
        try {
            m = AgentCodec.decodeServer(text);
        } catch (IllegalArgumentException e) {
            LOG.warn("Unreadable message from the signaling server: {}", e.getMessage());
            return;
        }
        lastSeq = Math.max(lastSeq, m.seq());
        lastHeardNanos = System.nanoTime();
        if (m instanceof ServerMessage.Welcome w) {
            welcomed = true;
            backoffMs = 1000;
            session = w.session();
            LOG.info("Signaling: welcome ({} session {})", w.resumed() ? "resumed" : "new", w.session());
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
            long every = Math.max(1, w.heartbeatSeconds());
            heartbeatNanos = TimeUnit.SECONDS.toNanos(every);
            heartbeat = loop.scheduleAtFixedRate(this::beat, 0, every, TimeUnit.SECONDS);
            rooms.welcome(w.resumed());
            if (roomTicks != null) {
                roomTicks.cancel(false);
            }
            roomTicks = loop.scheduleWithFixedDelay(this::tickRooms, 0, 1, TimeUnit.SECONDS);
        } else if (m instanceof ServerMessage.Snapshot s) {
            rooms.snapshot(s.room(), s.recording()).forEach(this::send);
            lesson(s.room(), s.lesson());
        } else if (m instanceof ServerMessage.LessonChange c) {
            if (rooms.in(c.room())) {
                lesson(c.room(), c.state());
            }        } else if (m instanceof ServerMessage.Pong p) {
            if (p.serverTime() >= 0) {
                long now = clock.millis();
                clockOffsetMs = p.serverTime() - (p.t() + now) / 2;
            }
        } else if (m instanceof ServerMessage.ScheduleMessage s) {
            long cached = agent.schedule(s.schedule());
            send(AgentCodec.scheduleAck(cached));
            // Staff see the new version at once, not a heartbeat later.
            send(AgentCodec.health(agent.health(clockOffsetMs)));
        } else if (m instanceof ServerMessage.Command c) {
            commands.execute(() -> {
                Result r;
                try {
                    r = agent.command(c);
                } catch (RuntimeException e) {
                    LOG.error("Command {} failed", c.command(), e);
                    r = new Result(false, "failed: " + e.getMessage());
                }
                Result result = r;
                loop.execute(() -> {
                    if (c.command().equals("status")) {
                        send(AgentCodec.health(agent.health(clockOffsetMs)));
                    }
                    send(AgentCodec.commandResult(c.id(), result.ok(), result.message()));
                });
            });
        } else if (m instanceof ServerMessage.Error e) {
            LOG.warn("Signaling server refused {}: {} {}", e.ref(), e.code(), e.message());
            if ("join".equals(e.ref())) {
                rooms.refused(clock.instant(), e.code());
            }
            if ("resume".equals(e.ref()) && e.code().equals("NOT_IN_ROOM")) {
                // Away past the server's grace, out of a room: the next tick joins the rooms due again.
                rooms.welcome(false);
            }
            if (e.code().equals("RESUME_REFUSED")) {
                session = null;
                lastSeq = 0;
                send(AgentCodec.hello(token, null, 0));
            }
        }
    }

    private void beat() {
        if (System.nanoTime() - lastHeardNanos > heartbeatNanos * 5 / 2) {
            // Nothing heard for two and a half intervals: the link is dead even if TCP has not said so.
            LOG.warn("Signaling server silent for {} s; reconnecting", TimeUnit.NANOSECONDS.toSeconds(heartbeatNanos * 5 / 2));
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
            reconnectLater();
            return;
        }
        send(AgentCodec.ping(clock.millis()));
        send(AgentCodec.health(agent.health(clockOffsetMs)));
    }

    @Override
    public void close() {
        closed = true;
        loop.execute(() -> {
            WebSocket ws = socket;
            if (ws != null) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "agent stopping");
            }
        });
        loop.shutdown();
        commands.shutdown();
        try {
            loop.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                loop.execute(() -> handle(text));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            LOG.warn("Signaling connection closed ({} {}); reconnecting", statusCode, reason);
            loop.execute(() -> {
                if (socket == ws) {
                    reconnectLater();
                }
            });
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            LOG.warn("Signaling connection lost ({}); reconnecting", error.getMessage());
            loop.execute(() -> {
                if (socket == ws) {
                    reconnectLater();
                }
            });
        }
    }
}
