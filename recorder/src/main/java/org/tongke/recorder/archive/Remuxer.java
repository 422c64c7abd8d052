package org.tongke.recorder.archive;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/** Joins a source's segments packet by packet into one container, no re-encoding (JavaCV's recordPacket). */
final class Remuxer {
    private Remuxer() {
    }

    /**
     * Where two segments meet, AAC's priming can put the next file's first packets a little
     * before the last ones; the muxer refuses that, so they are moved just after (as ffmpeg does).
     */
    private static void monotonic(AVPacket p, long[] lastDts) {
        int i = p.stream_index();
        if (i < 0 || i >= lastDts.length || p.dts() == AV_NOPTS_VALUE) {
            return;
        }
        if (lastDts[i] != Long.MIN_VALUE && p.dts() <= lastDts[i]) {
            long dts = lastDts[i] + 1;
            if (p.pts() != AV_NOPTS_VALUE && p.pts() < dts) {
                p.pts(dts);
            }
            p.dts(dts);
        }
        lastDts[i] = p.dts();
    }

    /**
     * A codec tag belongs to its container: MPEG-TS's (H.264 is stream type 0x1b) is no tag MP4
     * knows, and the muxer refuses the header (INVALIDDATA). Cleared, the muxer picks its own
     * ({@code avc1}, {@code mp4a}), as the ffmpeg command does; ADTS AAC is then turned into
     * MP4's form by the {@code aac_adtstoasc} filter the muxer inserts by itself.
     */
    private static void clearCodecTags(AVFormatContext input) {
        for (int i = 0; i < input.nb_streams(); i++) {
            input.streams(i).codecpar().codec_tag(0);
        }
    }

    /** Copies the concat list's streams into {@code output} as {@code format} with the muxer's {@code options}. */
    static void remux(Path list, Path output, String format, Map<String, String> options, Progress.Step progress)
            throws ArchiveFailed, InterruptedException {
        try (FFmpegFrameGrabber g = Concat.grabber(list)) {
            g.start();
            try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(output.toFile(), g.getImageWidth(), g.getImageHeight(),
                    g.hasAudio() ? g.getAudioChannels() : 0)) {
                r.setFormat(format);
                options.forEach(r::setOption);
                clearCodecTags(g.getFormatContext());
                r.start(g.getFormatContext());
                long packets = 0;
                long[] lastDts = new long[g.getFormatContext().nb_streams()];
                java.util.Arrays.fill(lastDts, Long.MIN_VALUE);
                for (AVPacket p; (p = g.grabPacket()) != null; ) {
                    monotonic(p, lastDts);
                    if (p.pts() != AV_NOPTS_VALUE && (++packets & 255) == 0) {
                        AVRational tb = g.getFormatContext().streams(p.stream_index()).time_base();
                        progress.at(p.pts() * 1_000_000L * tb.num() / tb.den());
                        if (Thread.interrupted()) {
                            throw new InterruptedException("remux of " + output + " stopped");
                        }
                    }
                    r.recordPacket(p);
                }
                r.stop();
                progress.at(Long.MAX_VALUE);
            }
            g.stop();
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new ArchiveFailed("copying the segments into " + output.getFileName() + " failed: " + e.getMessage(), e);
        }
    }
}
