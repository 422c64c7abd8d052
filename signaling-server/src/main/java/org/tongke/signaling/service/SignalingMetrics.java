package org.tongke.signaling.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Counters of one node, rendered in the Prometheus text format. Thread-safe. */
public final class SignalingMetrics {
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final ConcurrentMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> disconnects = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> resumes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> roomsGivenUp = new ConcurrentHashMap<>();
    private volatile Supplier<Map<String, Integer>> connectionsByRole = Map::of;
    private volatile IntSupplier rooms = () -> 0;
    private volatile Supplier<Map<String, Integer>> classroomsByState = Map::of;
    /** Other features' metrics, already in the Prometheus text format. */
    private final java.util.List<Supplier<String>> more = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Upper bounds of the relay-latency buckets, in seconds (Prometheus {@code le}). */
    static final double[] RELAY_BUCKETS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0};
    private final LongAdder[] relayBuckets = new LongAdder[RELAY_BUCKETS.length + 1];
    private final LongAdder relayCount = new LongAdder();
    private final java.util.concurrent.atomic.DoubleAdder relaySeconds = new java.util.concurrent.atomic.DoubleAdder();

    {
        for (int i = 0; i < relayBuckets.length; i++) {
            relayBuckets[i] = new LongAdder();
        }
    }

    /**
     * One message relayed: from the moment the message that caused it arrived from its sender
     * until it was handed to the recipient's connection for writing.
     */
    public void relayed(long nanos) {
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < RELAY_BUCKETS.length && seconds > RELAY_BUCKETS[i]) {
            i++;
        }
        relayBuckets[i].increment();
        relayCount.increment();
        relaySeconds.add(seconds);
    }

    public void messageIn() {
        messagesIn.increment();
    }

    public void messageOut() {
        messagesOut.increment();
    }

    public void error(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    public void disconnect(String reason) {
        disconnects.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** @param outcome {@code replay}, {@code snapshot}, {@code fresh} (unknown or expired) or {@code refused} */
    public void resume(String outcome) {
        resumes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    /** A room this node stopped owning while it ran ({@code taken} or {@code unrenewed}: see {@code RoomLeases}). */
    public void roomGivenUp(String reason) {
        roomsGivenUp.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** The gauges, read when rendered. */
    void gauges(Supplier<Map<String, Integer>> connectionsByRole, IntSupplier rooms) {
        this.connectionsByRole = connectionsByRole;
        this.rooms = rooms;
    }

    /** The recording classrooms by state ({@code online}, {@code away}, {@code offline}), read when rendered. */
    void classrooms(Supplier<Map<String, Integer>> byState) {
        this.classroomsByState = byState;
    }

    /** Adds another feature's metrics (Prometheus text) to what {@link #prometheus()} renders. */
    public void also(Supplier<String> prometheusText) {
        more.add(prometheusText);
    }

    public long messagesIn() {
        return messagesIn.sum();
    }

    public long messagesOut() {
        return messagesOut.sum();
    }

    public String prometheus() {
        StringBuilder out = new StringBuilder();
        header(out, "tongke_signaling_connections", "gauge", "Open WebSocket connections by role (none: before hello).");
        new TreeMap<>(connectionsByRole.get()).forEach((role, n) -> line(out, "tongke_signaling_connections", "role", role, n));
        header(out, "tongke_signaling_rooms", "gauge", "Open lesson rooms.");
        out.append("tongke_signaling_rooms ").append(rooms.getAsInt()).append('\n');
        header(out, "tongke_signaling_classrooms", "gauge", "Recording classrooms by the state of their agent.");
        new TreeMap<>(classroomsByState.get()).forEach((state, n) -> line(out, "tongke_signaling_classrooms", "state", state, n));
        header(out, "tongke_signaling_messages_in_total", "counter", "Client messages received.");
        out.append("tongke_signaling_messages_in_total ").append(messagesIn.sum()).append('\n');
        header(out, "tongke_signaling_messages_out_total", "counter", "Server messages sent.");
        out.append("tongke_signaling_messages_out_total ").append(messagesOut.sum()).append('\n');
        header(out, "tongke_signaling_relay_latency_seconds", "histogram",
                "From a client message's arrival to the write of each message it caused for another client.");
        long cumulative = 0;
        for (int i = 0; i < RELAY_BUCKETS.length; i++) {
            cumulative += relayBuckets[i].sum();
            out.append("tongke_signaling_relay_latency_seconds_bucket{le=\"").append(RELAY_BUCKETS[i]).append("\"} ")
                    .append(cumulative).append('\n');
        }
        cumulative += relayBuckets[RELAY_BUCKETS.length].sum();
        out.append("tongke_signaling_relay_latency_seconds_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        out.append("tongke_signaling_relay_latency_seconds_sum ").append(relaySeconds.sum()).append('\n');
        out.append("tongke_signaling_relay_latency_seconds_count ").append(relayCount.sum()).append('\n');
        header(out, "tongke_signaling_errors_total", "counter", "Error messages sent, by code.");
        new TreeMap<>(errors).forEach((code, n) -> line(out, "tongke_signaling_errors_total", "code", code, n.sum()));
        header(out, "tongke_signaling_disconnects_total", "counter", "Closed connections, by reason.");
        new TreeMap<>(disconnects).forEach((r, n) -> line(out, "tongke_signaling_disconnects_total", "reason", r, n.sum()));
        header(out, "tongke_signaling_resumes_total", "counter", "Hellos with resume, by outcome.");
        new TreeMap<>(resumes).forEach((o, n) -> line(out, "tongke_signaling_resumes_total", "outcome", o, n.sum()));
        header(out, "tongke_signaling_rooms_given_up_total", "counter",
                "Rooms this node stopped owning while running, by reason (taken: another node holds the lease;"
                + " unrenewed: no renewal succeeded for a lease).");
        new TreeMap<>(roomsGivenUp).forEach((r, n) -> line(out, "tongke_signaling_rooms_given_up_total", "reason", r,
                n.sum()));
        more.forEach(text -> out.append(text.get()));
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void line(StringBuilder out, String name, String label, String value, long n) {
        out.append(name).append('{').append(label).append("=\"").append(value).append("\"} ").append(n).append('\n');
    }
}
