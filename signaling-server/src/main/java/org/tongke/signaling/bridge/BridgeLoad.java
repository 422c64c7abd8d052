package org.tongke.signaling.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What the last check of a bridge found: whether it is healthy, and its load from
 * {@code /colibri/stats} ({@code stress_level}, which newer bridges compute from their packet
 * rate, else the number of participants scaled to a comparable figure).
 */
public record BridgeLoad(boolean healthy, double stress, int participants, int conferences, Instant checkedAt,
                         String problem) {
    /** The bridge counts as this loaded per participant when it reports no stress level. */
    static final double STRESS_PER_PARTICIPANT = 0.001;

    public static BridgeLoad unknown(Instant now) {
        return new BridgeLoad(false, Double.MAX_VALUE, 0, 0, now, "not checked yet");
    }

    public static BridgeLoad down(Instant now, String problem) {
        return new BridgeLoad(false, Double.MAX_VALUE, 0, 0, now, problem);
    }

    public static BridgeLoad of(JsonNode stats, Instant now) {
        int participants = stats.path("participants").asInt(0);
        int conferences = stats.path("conferences").asInt(0);
        double stress = stats.has("stress_level") ? stats.path("stress_level").asDouble(0)
                : participants * STRESS_PER_PARTICIPANT;
        return new BridgeLoad(true, stress, participants, conferences, now, null);
    }
}
