package org.tongke.recorder.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** FFmpeg's concat demuxer over a source's segments: one input whose timestamps run on across files. */
final class Concat {
    private Concat() {
    }

    static Path list(SourceMedia media, Path work) throws IOException {
        StringBuilder list = new StringBuilder("ffconcat version 1.0\n");
        for (SourceMedia.Segment s : media.segments()) {
            list.append("file '").append(s.file().toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
        }
        Path file = work.resolve(media.name() + ".ffconcat");
        Files.writeString(file, list);
        return file;
    }

    static FFmpegFrameGrabber grabber(Path list) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(list.toFile());
        g.setFormat("concat");
        g.setOption("safe", "0");
        return g;
    }
}
