package org.tongke.recorder.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The numbers operators watch, in Prometheus's text format: the bytes ingest received and
 * gauges read when scraped (jobs queued, running, failed). Small on purpose: no registry.
 */
public final class RecorderMetrics {
    private final LongAdder ingestBytes = new LongAdder();
    private final LongAdder cutKeptBytes = new LongAdder();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    void bytesReceived(long bytes) {
        ingestBytes.add(bytes);
    }

    /** Bytes of PATCH bodies cut midway that were kept all the same (their verified blocks). */
    void cutBytesKept(long bytes) {
        cutKeptBytes.add(bytes);
    }

    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    public String scrape() {
        StringBuilder out = new StringBuilder();
        out.append("# TYPE tongke_recorder_ingest_bytes_total counter\n");
        out.append("tongke_recorder_ingest_bytes_total ").append(ingestBytes.sum()).append('\n');
        out.append("# TYPE tongke_recorder_ingest_cut_kept_bytes_total counter\n");
        out.append("tongke_recorder_ingest_cut_kept_bytes_total ").append(cutKeptBytes.sum()).append('\n');
        gauges.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append("# TYPE ")
                .append(e.getKey()).append(" gauge\n").append(e.getKey()).append(' ').append(e.getValue().getAsLong()).append('\n'));
        return out.toString();
    }
}
