package org.tongke.signaling.bridge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured bridges and what their last health check found. A lesson goes to the least
 * loaded healthy bridge; conferences placed since the last check count towards a bridge's load so
 * that lessons starting together spread out instead of all landing on the one that looked idlest.
 */
public final class BridgePool {
    private static final Logger LOG = LoggerFactory.getLogger(BridgePool.class);
    /** The load one newly placed conference adds until the next check measures it. */
    static final double STRESS_PER_PLACED_CONFERENCE = 0.01;

    private final Map<String, BridgeClient> bridges = new LinkedHashMap<>();
    private final Map<String, BridgeLoad> loads = new ConcurrentHashMap<>();
    private final Map<String, Integer> placedSinceCheck = new ConcurrentHashMap<>();
    private final Clock clock;

    public BridgePool(List<BridgeClient> bridges, Clock clock) {
        this.clock = clock;
        for (BridgeClient bridge : bridges) {
            if (this.bridges.putIfAbsent(bridge.id(), bridge) != null) {
                throw new IllegalArgumentException("bridge id " + bridge.id() + " is configured twice");
            }
            loads.put(bridge.id(), BridgeLoad.unknown(clock.instant()));
        }
    }

    public boolean isEmpty() {
        return bridges.isEmpty();
    }

    /** Checks every bridge (health, then stats); completes when all have answered or failed. */
    public CompletableFuture<Void> refresh() {
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (BridgeClient bridge : bridges.values()) {
            checks.add(check(bridge));
        }
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> check(BridgeClient bridge) {
        return bridge.healthy().thenCompose(healthy -> {
            if (!healthy) {
                return CompletableFuture.completedFuture(BridgeLoad.down(clock.instant(), "health check failed"));
            }
            return bridge.stats().handle((stats, error) -> error == null ? BridgeLoad.of(stats, clock.instant())
                    : BridgeLoad.down(clock.instant(), "statistics unreadable: " + error.getMessage()));
        }).thenAccept(load -> record(bridge.id(), load));
    }

    private void record(String id, BridgeLoad load) {
        BridgeLoad before = loads.put(id, load);
        placedSinceCheck.remove(id);
        if (before != null && before.healthy() != load.healthy()) {
            if (load.healthy()) {
                LOG.info("Bridge {} is healthy again", id);
            } else {
                LOG.warn("Bridge {} is down: {}", id, load.problem());
            }
        }
    }

    /** The least loaded healthy bridge not in {@code excluded}, counting it as one conference busier. */
    public synchronized Optional<BridgeClient> choose(Set<String> excluded) {
        Optional<BridgeClient> chosen = bridges.values().stream()
                .filter(b -> !excluded.contains(b.id()) && loads.get(b.id()).healthy())
                .min(Comparator.comparingDouble(this::effectiveStress));
        chosen.ifPresent(b -> placedSinceCheck.merge(b.id(), 1, Integer::sum));
        return chosen;
    }

    /** Takes a bridge out of rotation until its next successful check. */
    public void markDown(String id, String problem) {
        if (bridges.containsKey(id)) {
            record(id, BridgeLoad.down(clock.instant(), problem));
        }
    }

    /** Each bridge's last known state, in configuration order. */
    public Map<String, BridgeLoad> loads() {
        Map<String, BridgeLoad> copy = new LinkedHashMap<>();
        bridges.keySet().forEach(id -> copy.put(id, loads.get(id)));
        return copy;
    }

    private double effectiveStress(BridgeClient bridge) {
        return loads.get(bridge.id()).stress()
                + placedSinceCheck.getOrDefault(bridge.id(), 0) * STRESS_PER_PLACED_CONFERENCE;
    }
}
