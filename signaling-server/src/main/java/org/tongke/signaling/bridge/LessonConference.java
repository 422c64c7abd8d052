package org.tongke.signaling.bridge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lesson's conference on a bridge: one endpoint per console, created with the first and
 * expired with the lesson. Operations run one after the other (the conference must exist before
 * the second endpoint is added). When the bridge fails an operation (4xx, 5xx, timeout, no
 * transport), the bridge is taken out of rotation and the whole conference is allocated again on
 * the least loaded other bridge; the {@link Listener} hears of the move with every console's new
 * allocation, or that no bridge is left.
 */
public final class LessonConference {
    private static final Logger LOG = LoggerFactory.getLogger(LessonConference.class);

    /** What the lesson's room is told. Called on a bridge client thread; implementations hand off. */
    public interface Listener {
        /** The conference moved to another bridge: every console renegotiates with its allocation. */
        void moved(String lesson, String from, String to, BridgeFailure why, Map<String, Allocation> allocations);

        /** No bridge can carry the lesson any more. */
        void lost(String lesson, BridgeFailure why);
    }

    private record Endpoint(String statsId, List<MediaSourceSpec> sources, MediaTransport consoleTransport) {
    }

    private final String lesson;
    private final String title;
    private final BridgePool pool;
    private final Listener listener;
    private final Supplier<String> meetingIds;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Set<String> failedBridges = new HashSet<>();
    private BridgeClient bridge;
    private String meetingId;
    private boolean created;
    private boolean ended;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    public LessonConference(String lesson, String title, BridgePool pool, Listener listener,
                            Supplier<String> meetingIds) {
        this.lesson = Objects.requireNonNull(lesson, "lesson");
        this.title = Objects.requireNonNull(title, "title");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.meetingIds = Objects.requireNonNull(meetingIds, "meetingIds");
    }

    /** Allocates a console's endpoint (its camera and microphone in {@code sources}). */
    public CompletableFuture<Allocation> join(String endpoint, String statsId, List<MediaSourceSpec> sources) {
        return serially(() -> {
            requireOpen();
            endpoints.put(endpoint, new Endpoint(statsId, List.copyOf(sources), null));
            return allocate(endpoint).exceptionallyCompose(e -> failover(cause(e))
                    .thenApply(all -> all.get(endpoint)));
        });
    }

    /** Gives the bridge the console's answer: its ICE/DTLS transport and its sources. */
    public CompletableFuture<Void> answer(String endpoint, MediaTransport transport, List<MediaSourceSpec> sources) {
        return serially(() -> {
            Endpoint known = endpoints.get(endpoint);
            if (known == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("endpoint " + endpoint
                        + " has not joined lesson " + lesson));
            }
            List<MediaSourceSpec> kept = sources == null ? known.sources() : List.copyOf(sources);
            endpoints.put(endpoint, new Endpoint(known.statsId(), kept, transport));
            return bridge.modify(Colibri2Json.update(meetingId, endpoint, transport, sources))
                    .<Void>thenApply(reply -> null)
                    .exceptionallyCompose(e -> failover(cause(e)).thenApply(all -> null));
        });
    }

    /**
     * Fresh ICE for a console that came back after a drop. The REST form of Colibri2 carries no
     * ICE-restart flag, so the endpoint is expired and allocated again (new ufrag and password).
     */
    public CompletableFuture<Allocation> restartIce(String endpoint) {
        return serially(() -> {
            requireOpen();
            Endpoint known = endpoints.get(endpoint);
            if (known == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("endpoint " + endpoint
                        + " has not joined lesson " + lesson));
            }
            endpoints.put(endpoint, new Endpoint(known.statsId(), known.sources(), null));
            return bridge.modify(Colibri2Json.expireEndpoint(meetingId, endpoint))
                    .thenCompose(reply -> allocate(endpoint))
                    .exceptionallyCompose(e -> failover(cause(e)).thenApply(all -> all.get(endpoint)));
        });
    }

    /** Expires a console's endpoint. A bridge that fails this is only logged: it expires idle endpoints itself. */
    public CompletableFuture<Void> leave(String endpoint) {
        return serially(() -> {
            if (endpoints.remove(endpoint) == null || bridge == null || !created) {
                return CompletableFuture.completedFuture(null);
            }
            return bridge.modify(Colibri2Json.expireEndpoint(meetingId, endpoint))
                    .handle((reply, e) -> logged(e, "expire endpoint " + endpoint));
        });
    }

    /** Expires the conference; the lesson is over. */
    public CompletableFuture<Void> end() {
        return serially(() -> {
            ended = true;
            endpoints.clear();
            if (bridge == null || !created) {
                return CompletableFuture.completedFuture(null);
            }
            return bridge.modify(Colibri2Json.expireConference(meetingId))
                    .handle((reply, e) -> logged(e, "expire conference"));
        });
    }

    public synchronized String bridge() {
        return bridge == null ? null : bridge.id();
    }

    public synchronized String meetingId() {
        return meetingId;
    }

    /** The sources of every console but {@code endpoint}: what its remote description must list. */
    public synchronized Map<String, List<MediaSourceSpec>> sourcesOfOthers(String endpoint) {
        Map<String, List<MediaSourceSpec>> others = new LinkedHashMap<>();
        endpoints.forEach((id, e) -> {
            if (!id.equals(endpoint)) {
                others.put(id, e.sources());
            }
        });
        return others;
    }

    public synchronized Set<String> endpoints() {
        return Set.copyOf(endpoints.keySet());
    }

    private CompletableFuture<Allocation> allocate(String endpoint) {
        if (bridge == null) {
            BridgeClient chosen = pool.choose(failedBridges).orElse(null);
            if (chosen == null) {
                return CompletableFuture.failedFuture(noneAvailable());
            }
            use(chosen);
        }
        Endpoint e = endpoints.get(endpoint);
        BridgeClient target = bridge;
        String meeting = meetingId;
        boolean create = !created;
        return target.modify(Colibri2Json.allocate(meeting, title, create, endpoint, e.statsId(), e.sources()))
                .thenApply(reply -> {
                    Allocation allocation = Colibri2Json.allocation(target.id(), meeting, endpoint, reply);
                    synchronized (this) {
                        created = true;
                    }
                    return allocation;
                });
    }

    /** Allocates every endpoint again on another bridge, one after the other. */
    private CompletableFuture<Map<String, Allocation>> failover(BridgeFailure why) {
        String from = bridge == null ? null : bridge.id();
        if (from != null) {
            failedBridges.add(from);
            pool.markDown(from, why.getMessage());
            LOG.warn("Lesson {} leaves bridge {}: {}", lesson, from, why.getMessage());
        }
        BridgeClient next = pool.choose(failedBridges).orElse(null);
        if (next == null) {
            BridgeFailure none = from == null ? why : noneAvailable();
            listener.lost(lesson, why);
            return CompletableFuture.failedFuture(none);
        }
        use(next);
        Map<String, Allocation> all = new LinkedHashMap<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String endpoint : new ArrayList<>(endpoints.keySet())) {
            chain = chain.thenCompose(x -> allocate(endpoint)).thenAccept(a -> all.put(a.endpoint(), a));
        }
        return chain.thenApply(x -> {
            listener.moved(lesson, from, next.id(), why, Map.copyOf(all));
            return all;
        }).exceptionallyCompose(e -> failover(cause(e)));
    }

    private synchronized void use(BridgeClient chosen) {
        bridge = chosen;
        meetingId = meetingIds.get();
        created = false;
        LOG.info("Lesson {} is on bridge {} as meeting {}", lesson, chosen.id(), meetingId);
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("lesson " + lesson + " has ended");
        }
    }

    private Void logged(Throwable e, String what) {
        if (e != null) {
            LOG.info("Bridge {} failed to {} of lesson {}: {}", bridge(), what, lesson, cause(e).getMessage());
        }
        return null;
    }

    private synchronized <T> CompletableFuture<T> serially(Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> result = tail.handle((x, e) -> null).thenCompose(x -> {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
        tail = result;
        return result;
    }

    private BridgeFailure noneAvailable() {
        return new BridgeFailure(BridgeFailure.Kind.NONE_AVAILABLE, null,
                "no healthy bridge is left for lesson " + lesson + " (tried " + failedBridges + ")");
    }

    private static BridgeFailure cause(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof BridgeFailure failure) {
            return failure;
        }
        throw t instanceof RuntimeException r ? r : new CompletionException(t);
    }
}
