package org.tongke.recorder.archive;

import java.util.List;

/**
 * The rendition ladder and the pipeline's knobs. Bitrates suit a rural link: 360p plays on a
 * shared 1 Mbit/s line. {@code preset} is libx264's.
 */
public record ArchiveSettings(List<Ladder> ladder, String preset, int hlsSeconds, int thumbnailSeconds) {
    public static final String DEFAULT_PRESET = "veryfast";
    public static final int DEFAULT_HLS_SECONDS = 6;
    public static final int DEFAULT_THUMBNAIL_SECONDS = 30;
    public static final List<Ladder> DEFAULT_LADDER = List.of(new Ladder("720p", 720, 1800, 128), new Ladder("360p", 360, 600, 64));

    /** One rendition's target: its name, height and bitrates (kbit/s). */
    public record Ladder(String name, int height, int videoKbps, int audioKbps) {
    }

    public ArchiveSettings {
        ladder = List.copyOf(ladder);
    }

    public static ArchiveSettings defaults() {
        return new ArchiveSettings(DEFAULT_LADDER, DEFAULT_PRESET, DEFAULT_HLS_SECONDS, DEFAULT_THUMBNAIL_SECONDS);
    }

    public ArchiveSettings withPreset(String newPreset) {
        return new ArchiveSettings(ladder, newPreset, hlsSeconds, thumbnailSeconds);
    }

    /**
     * The renditions a source of {@code height} gets: never upscaled; a rung the source does not
     * reach is left out, but the lowest is always made (at the source's own height if smaller).
     */
    public List<Ladder> renditionsFor(int height) {
        List<Ladder> fit = ladder.stream().filter(l -> l.height() <= height).toList();
        if (!fit.isEmpty()) {
            return fit;
        }
        Ladder lowest = ladder.get(ladder.size() - 1);
        int even = height - height % 2;
        return List.of(new Ladder(even + "p", even, lowest.videoKbps(), lowest.audioKbps()));
    }
}
