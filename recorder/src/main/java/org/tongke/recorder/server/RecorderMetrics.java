package org.tongke.recorder.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The numbers operators watch, in Prometheus's text format: counters the recorder adds to and
 * gauges read when scraped (jobs queued, running, failed). Small on purpose: no registry.
 */
public final class RecorderMetrics {
    private final LongAdder ingestBytes = new LongAdder();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    void bytesReceived(long bytes) {
        ingestBytes.add(bytes);
    }

    /** Adds to a counter, made on first use. */
    public void add(String name, long amount) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(amount);
    }

    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    public String scrape() {
        StringBuilder out = new StringBuilder();
        out.append("# TYPE tongke_recorder_ingest_bytes_total counter\n");
        out.append("tongke_recorder_ingest_bytes_total ").append(ingestBytes.sum()).append('\n');
        counters.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append("# TYPE ")
                .append(e.getKey()).append(" counter\n").append(e.getKey()).append(' ').append(e.getValue().sum()).append('\n'));
        gauges.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append("# TYPE ")
                .append(e.getKey()).append(" gauge\n").append(e.getKey()).append(' ').append(e.getValue().getAsLong()).append('\n'));
        return out.toString();
    }
}
