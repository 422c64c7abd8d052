package org.tongke.signaling.bridge;

import java.util.List;
import java.util.Objects;

/**
 * One media source of an endpoint (a console's camera, its microphone, or the bridge's own
 * feedback sources {@code jvb-a0}/{@code jvb-v0}): its name, kind, SSRCs and SSRC groups
 * ({@code FID} pairs a video SSRC with its retransmission SSRC).
 */
public record MediaSourceSpec(String name, Kind kind, List<Long> ssrcs, List<SsrcGroup> groups) {
    /** Audio or video. */
    public enum Kind { AUDIO, VIDEO }

    /** {@code semantics} is {@code FID} or {@code SIM}; the SSRCs in their order. */
    public record SsrcGroup(String semantics, List<Long> ssrcs) {
        public SsrcGroup {
            Objects.requireNonNull(semantics, "semantics");
            ssrcs = List.copyOf(ssrcs);
        }
    }

    public MediaSourceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        ssrcs = List.copyOf(ssrcs);
        groups = List.copyOf(groups);
        for (long ssrc : ssrcs) {
            if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("SSRC " + ssrc + " of " + name + " is not a 32-bit unsigned number");
            }
        }
    }
}
