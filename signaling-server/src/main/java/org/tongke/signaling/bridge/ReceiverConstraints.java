package org.tongke.signaling.bridge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The classroom's priorities as the bridge's {@code ReceiverVideoConstraints} message, which a
 * console sends as it is over its bridge channel (jitsi-videobridge doc/allocation.md), keyed by
 * video source name: the lead teacher's camera and the rooms on stage (floor, spotlight) in high
 * quality for everyone; the lead teacher sees the other rural rooms in standard quality; rural
 * rooms see each other in low quality.
 *
 * @param lastN              {@code -1}: forward every source; the heights say how well
 * @param onStageSources     the sources the bridge gives bandwidth first
 * @param defaultConstraints the height of every source not in {@code constraints}
 */
public record ReceiverConstraints(String colibriClass, int lastN, List<String> onStageSources,
                                  VideoConstraint defaultConstraints, Map<String, VideoConstraint> constraints) {
    public static final String COLIBRI_CLASS = "ReceiverVideoConstraints";
    public static final int HIGH = 720;
    public static final int STANDARD = 360;
    public static final int LOW = 180;

    /** The highest picture height the viewer wants of a source. */
    public record VideoConstraint(int maxHeight) {
    }

    public ReceiverConstraints {
        Objects.requireNonNull(colibriClass, "colibriClass");
        Objects.requireNonNull(defaultConstraints, "defaultConstraints");
        onStageSources = List.copyOf(onStageSources);
        // Kept in order so that the message reads teacher first, as it is built.
        constraints = Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
    }

    /**
     * The message for one viewer: {@code hostSources} are the lead teacher's video sources,
     * {@code stageSources} those of the rural rooms with the floor or the spotlight; neither lists
     * the viewer's own.
     */
    public static ReceiverConstraints forViewer(boolean viewerIsHost, List<String> hostSources,
                                                List<String> stageSources) {
        Map<String, VideoConstraint> high = new LinkedHashMap<>();
        if (!viewerIsHost) {
            hostSources.forEach(s -> high.put(s, new VideoConstraint(HIGH)));
        }
        stageSources.forEach(s -> high.put(s, new VideoConstraint(HIGH)));
        return new ReceiverConstraints(COLIBRI_CLASS, -1, List.copyOf(high.keySet()),
                new VideoConstraint(viewerIsHost ? STANDARD : LOW), high);
    }

    /** The height this viewer asks of {@code source}. */
    public int maxHeightOf(String source) {
        VideoConstraint c = constraints.get(source);
        return (c != null ? c : defaultConstraints).maxHeight();
    }
}
