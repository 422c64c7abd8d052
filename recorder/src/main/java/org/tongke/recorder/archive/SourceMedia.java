package org.tongke.recorder.archive;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** One source's segments as FFmpeg reads them, in order, with the picture and codecs of the first. */
record SourceMedia(String name, List<Segment> segments, int width, int height, int videoCodec, int audioCodec,
                   int audioChannels, double frameRate) {

    /** A segment file, its index and its duration in microseconds. */
    record Segment(int index, Path file, long micros) {
    }

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    long micros() {
        return segments.stream().mapToLong(Segment::micros).sum();
    }

    boolean audio() {
        return audioChannels > 0;
    }

    /** H.264 with AAC or no audio: HLS can carry it as it is. */
    boolean remuxable() {
        return videoCodec == AV_CODEC_ID_H264 && (!audio() || audioCodec == AV_CODEC_ID_AAC);
    }

    static String codecName(int id) {
        return id <= 0 ? null : avcodec_get_name(id).getString();
    }

    /** Opens every segment; one FFmpeg cannot read, or one without video, fails the archive naming it. */
    static SourceMedia probe(String name, List<Segment> files) throws ArchiveFailed {
        if (files.isEmpty()) {
            throw new ArchiveFailed("source " + name + " has no stored segment");
        }
        List<Segment> probed = new java.util.ArrayList<>();
        SourceMedia first = null;
        for (Segment s : files) {
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(s.file().toFile())) {
                g.start();
                if (!g.hasVideo()) {
                    throw new ArchiveFailed("segment " + name + "#" + s.index() + " has no video stream");
                }
                probed.add(new Segment(s.index(), s.file(), Math.max(0, g.getLengthInTime())));
                if (first == null) {
                    first = new SourceMedia(name, List.of(), g.getImageWidth(), g.getImageHeight(), g.getVideoCodec(),
                            g.getAudioCodec(), g.hasAudio() ? g.getAudioChannels() : 0, g.getFrameRate());
                }
                g.stop();
            } catch (FrameGrabber.Exception e) {
                throw new ArchiveFailed("segment " + name + "#" + s.index() + " is not media FFmpeg can read ("
                        + e.getMessage().replaceAll("\\s+", " ").trim() + ")", e);
            }
        }
        if (first.width() < 16 || first.height() < 16) {
            throw new ArchiveFailed("source " + name + " has a picture of " + first.width() + "x" + first.height() + ", too small to archive");
        }
        return new SourceMedia(name, List.copyOf(probed), first.width(), first.height(), first.videoCodec(), first.audioCodec(),
                first.audioChannels(), first.frameRate() > 0 && first.frameRate() < 121 ? first.frameRate() : 25);
    }
}
