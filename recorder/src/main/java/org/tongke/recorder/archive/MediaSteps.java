package org.tongke.recorder.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline's two media steps on their own, exactly as a job runs them, for the benchmarks:
 * segments copied into HLS without re-encoding, and the one-pass transcode into every rendition
 * (with the stills). Each answers the media seconds it handled.
 */
public final class MediaSteps {
    private MediaSteps() {
    }

    public static double remuxToHls(List<Path> segments, Path folder, ArchiveSettings settings)
            throws ArchiveFailed, IOException, InterruptedException {
        SourceMedia media = probe(segments);
        Files.createDirectories(folder);
        Path list = Concat.list(media, folder);
        Remuxer.remux(list, folder.resolve("index.m3u8"), "hls", Transcoder.hlsOptions(settings, folder), micros -> { });
        return media.micros() / 1e6;
    }

    public static double transcodeToHls(List<Path> segments, Path folder, ArchiveSettings settings)
            throws ArchiveFailed, IOException, InterruptedException {
        SourceMedia media = probe(segments);
        Files.createDirectories(folder);
        Path list = Concat.list(media, folder);
        Transcoder.transcode(list, media, Transcoder.targets(media, settings, folder), settings, folder, micros -> { });
        return media.micros() / 1e6;
    }

    private static SourceMedia probe(List<Path> segments) throws ArchiveFailed {
        List<SourceMedia.Segment> files = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            files.add(new SourceMedia.Segment(i, segments.get(i), 0));
        }
        return SourceMedia.probe("bench", files);
    }
}
