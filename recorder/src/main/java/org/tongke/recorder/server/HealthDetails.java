package org.tongke.recorder.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/** What extensions add to {@code /health}, each under a name of its own, read when asked. */
public final class HealthDetails {
    private final Map<String, Supplier<Object>> details = new ConcurrentSkipListMap<>();

    public void put(String name, Supplier<Object> value) {
        details.put(name, value);
    }

    Map<String, Object> with(Map<String, Object> base) {
        Map<String, Object> all = new LinkedHashMap<>(base);
        details.forEach((name, value) -> all.put(name, value.get()));
        return all;
    }
}
