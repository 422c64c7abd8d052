package org.tongke.recorder.archive;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An archive's {@code manifest.json}: what the lesson's recording holds and where, with the
 * size and SHA-256 of every file. Paths are relative to the archive folder ({@code archive}).
 */
public record ArchiveManifest(String type, int version, String archive, String lesson, String classroom,
                              OffsetDateTime startedAt, OffsetDateTime endedAt, Instant archivedAt,
                              List<SourceArchive> sources, List<FileEntry> files, long bytes) {
    public static final String TYPE = "archive-manifest";
    public static final int VERSION = 1;

    public ArchiveManifest {
        sources = List.copyOf(sources);
        files = List.copyOf(files);
    }

    /**
     * One source: its joined duration and picture, whether it has audio (a source recorded
     * without it is archived audio-less, no silent track), its renditions and master playlist,
     * whether the original rendition is a stream copy, its poster, thumbnails and timeline marks.
     */
    public record SourceArchive(String name, double durationSeconds, int width, int height, String videoCodec,
                                String audioCodec, boolean audio, int segments, String original, String master,
                                List<Rendition> renditions, String poster, Thumbnails thumbnails, List<TimelineMark> marks) {
        public SourceArchive {
            renditions = List.copyOf(renditions);
            marks = List.copyOf(marks);
        }
    }

    /** An HLS rendition; {@code remux} when its media is the original's, copied without re-encoding. */
    public record Rendition(String name, int width, int height, int videoKbps, int audioKbps, boolean remux, String playlist) {
    }

    /**
     * A tiled image: tile {@code i} shows second {@code i * everySeconds}, row by row, {@code columns}
     * to a row; the same tiles one file each in {@code folder} ({@code 00000.jpg}, ...), for pages
     * that show them one by one.
     */
    public record Thumbnails(String image, String folder, int everySeconds, int count, int columns, int tileWidth,
                             int tileHeight) {
    }

    /**
     * A place on the archive's timeline (seconds from its start) where recording stopped:
     * {@code gap} (the agent said so, {@code seconds} long) or {@code missing-segment}.
     */
    public record TimelineMark(double at, double seconds, String kind, String reason) {
    }

    public record FileEntry(String path, long bytes, String sha256) {
    }
}
