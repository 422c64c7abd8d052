package org.tongke.agent.capture;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.tongke.config.export.AtomicFile;

/**
 * One segment being written: an FFmpeg recorder on {@code NNNNNN.ext.part}. Closing it writes
 * the trailer, syncs the file, renames it to its final name and syncs the folder, so a final
 * name always means a whole file; a crash leaves only a {@code .part}.
 */
final class SegmentSink {
    final FFmpegFrameRecorder recorder;
    final Path part;
    final Path target;
    final int index;
    final long startUs;

    SegmentSink(FFmpegFrameRecorder recorder, Path target, int index, long startUs) {
        this.recorder = recorder;
        this.part = target.resolveSibling(target.getFileName() + LessonFiles.PART);
        this.target = target;
        this.index = index;
        this.startUs = startUs;
    }

    static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + LessonFiles.PART);
    }

    /** Finishes the file and gives it its final name. */
    Path close() throws IOException {
        try {
            recorder.stop();
        } finally {
            recorder.release();
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        AtomicFile.syncFolder(target.getParent());
        return target;
    }

    /** Gives up on a segment whose writing failed: the part file is removed. */
    void abandon() {
        try {
            recorder.release();
        } catch (Exception e) {
            // Nothing more can be done for it; the part file goes.
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // A leftover part is removed on the next start of the lesson.
        }
    }
}
