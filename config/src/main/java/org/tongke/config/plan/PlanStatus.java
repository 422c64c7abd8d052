package org.tongke.config.plan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link PlanReloads} has done, for health and metrics: where it reads, the version in
 * place (null for a plan file) and when it was loaded (null before the first), how many
 * plans were loaded and how many reads failed, and the last failure's reason.
 */
public record PlanStatus(String source, Long version, Instant loadedAt, long loads, long failures, String lastFailure) {
    /** As health shows it: {@code source, version, loadedAt, loads, failures[, lastFailure]}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", source);
        map.put("version", version);
        map.put("loadedAt", loadedAt == null ? null : loadedAt.toString());
        map.put("loads", loads);
        map.put("failures", failures);
        if (lastFailure != null) {
            map.put("lastFailure", lastFailure);
        }
        return map;
    }
}
