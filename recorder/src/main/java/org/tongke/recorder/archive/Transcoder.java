package org.tongke.recorder.archive;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * One decoding pass over a source's joined segments feeding every rendition's encoder (libx264
 * and AAC into HLS) and the stills, so the picture is decoded once however many renditions there are.
 */
final class Transcoder {
    private Transcoder() {
    }

    /** A rendition being made: its rung, its picture size and its folder. */
    record Target(ArchiveSettings.Ladder rung, int width, int height, Path folder) {
    }

    static List<Target> targets(SourceMedia media, ArchiveSettings settings, Path sourceFolder) {
        List<Target> out = new ArrayList<>();
        for (ArchiveSettings.Ladder rung : settings.renditionsFor(media.height())) {
            int height = rung.height();
            int width = (int) Math.round((double) media.width() * height / media.height());
            out.add(new Target(rung, width + (width & 1), height, sourceFolder.resolve(rung.name())));
        }
        return out;
    }

    static ArchiveManifest.Thumbnails transcode(Path list, SourceMedia media, List<Target> targets, ArchiveSettings settings,
                                                Path sourceFolder, Progress.Step progress) throws ArchiveFailed, InterruptedException {
        List<FFmpegFrameRecorder> recorders = new ArrayList<>();
        try (FFmpegFrameGrabber g = Concat.grabber(list)) {
            g.setPixelFormat(AV_PIX_FMT_YUV420P);
            g.setVideoOption("threads", "0");
            g.start();
            for (Target t : targets) {
                recorders.add(recorder(t, media, settings, g));
            }
            try (Stills stills = new Stills(g.getImageWidth(), g.getImageHeight(), AV_PIX_FMT_YUV420P, settings.thumbnailSeconds())) {
                long frames = 0;
                for (Frame f; (f = g.grabFrame(media.audio(), true, true, false, false)) != null; ) {
                    if (f.image != null) {
                        stills.offer(f, f.timestamp);
                        if ((++frames & 7) == 0) {
                            progress.at(f.timestamp);
                            if (Thread.interrupted()) {
                                throw new InterruptedException("transcode of " + media.name() + " stopped");
                            }
                        }
                    }
                    for (FFmpegFrameRecorder r : recorders) {
                        if (f.image != null && f.timestamp > r.getTimestamp()) {
                            r.setTimestamp(f.timestamp);
                        }
                        r.record(f, pixelFormat(f));
                    }
                }
                for (FFmpegFrameRecorder r : recorders) {
                    r.stop();
                }
                progress.at(Long.MAX_VALUE);
                g.stop();
                return stills.write(sourceFolder.resolve("poster.jpg"), sourceFolder.resolve("thumbnails.jpg"),
                        media.name() + "/thumbnails.jpg");
            }
        } catch (FrameGrabber.Exception | FrameRecorder.Exception | FrameFilter.Exception e) {
            throw new ArchiveFailed("transcoding source " + media.name() + " failed: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new ArchiveFailed("writing the stills of " + media.name() + " failed: " + e.getMessage(), e);
        } finally {
            for (FFmpegFrameRecorder r : recorders) {
                try {
                    r.release();
                } catch (FrameRecorder.Exception e) {
                    // Already failing or done; the staged folder is discarded on failure anyway.
                }
            }
        }
    }

    private static int pixelFormat(Frame f) {
        return f.opaque instanceof AVFrame frame ? frame.format() : AV_PIX_FMT_YUV420P;
    }

    private static FFmpegFrameRecorder recorder(Target t, SourceMedia media, ArchiveSettings settings, FFmpegFrameGrabber g)
            throws FrameRecorder.Exception, java.io.IOException {
        Files.createDirectories(t.folder());
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(t.folder().resolve("index.m3u8").toFile(), t.width(), t.height(),
                media.audio() ? g.getAudioChannels() : 0);
        r.setFormat("hls");
        hlsOptions(settings, t.folder()).forEach(r::setOption);
        r.setVideoCodecName("libx264");
        r.setVideoCodec(AV_CODEC_ID_H264);
        r.setPixelFormat(AV_PIX_FMT_YUV420P);
        r.setFrameRate(media.frameRate());
        // A key frame every 2 s and none elsewhere, so every HLS segment starts on one.
        r.setGopSize((int) Math.round(media.frameRate() * 2));
        r.setVideoOption("sc_threshold", "0");
        r.setVideoOption("preset", settings.preset());
        // libavcodec's default is one thread; x264 and the decoder scale with the cores (ffmpeg's "auto").
        r.setVideoOption("threads", "0");
        r.setVideoBitrate(t.rung().videoKbps() * 1000);
        r.setVideoOption("maxrate", t.rung().videoKbps() * 1000 + "");
        r.setVideoOption("bufsize", t.rung().videoKbps() * 2000 + "");
        if (media.audio()) {
            r.setAudioCodec(AV_CODEC_ID_AAC);
            r.setAudioBitrate(t.rung().audioKbps() * 1000);
            r.setSampleRate(g.getSampleRate());
            r.setAudioChannels(g.getAudioChannels());
        }
        r.start();
        return r;
    }

    static java.util.Map<String, String> hlsOptions(ArchiveSettings settings, Path folder) {
        return java.util.Map.of("hls_time", Integer.toString(settings.hlsSeconds()), "hls_playlist_type", "vod",
                "hls_list_size", "0", "hls_segment_filename", folder.resolve("seg%05d.ts").toString());
    }
}
