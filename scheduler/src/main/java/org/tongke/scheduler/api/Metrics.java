package org.tongke.scheduler.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The few numbers operators watch, in Prometheus's text format: requests by route and status,
 * and gauges read when scraped (plan version, solves done). Small on purpose: no registry.
 */
public final class Metrics {
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    public void request(String route, int status) {
        requests.computeIfAbsent(route + "\u0000" + status, k -> new LongAdder()).increment();
    }

    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    public String scrape() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP tongke_http_requests_total HTTP requests by route and status.\n");
        out.append("# TYPE tongke_http_requests_total counter\n");
        requests.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] key = e.getKey().split("\u0000");
            out.append("tongke_http_requests_total{route=\"").append(key[0]).append("\",status=\"").append(key[1])
                    .append("\"} ").append(e.getValue().sum()).append('\n');
        });
        gauges.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            out.append("# TYPE ").append(e.getKey()).append(" gauge\n");
            out.append(e.getKey()).append(' ').append(e.getValue().getAsLong()).append('\n');
        });
        return out.toString();
    }
}
