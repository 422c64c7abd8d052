package org.tongke.signaling.bridge;

import java.util.List;
import java.util.Objects;

/**
 * What the bridge gave one console's endpoint: the bridge side of the transport, and the
 * bridge's own feedback sources (which the console's remote description must list).
 */
public record Allocation(String bridge, String meetingId, String endpoint, MediaTransport transport,
                         List<MediaSourceSpec> feedbackSources) {
    public Allocation {
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(transport, "transport");
        feedbackSources = List.copyOf(feedbackSources);
    }
}
