package org.tongke.agent.capture;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.tongke.agent.config.SourceSpec;

/** Opens a configured source as an FFmpeg input (not started). */
final class Grabbers {
    private Grabbers() {
    }

    static FFmpegFrameGrabber grabber(SourceSpec spec, Path overlay) {
        if (spec instanceof SourceSpec.Rtsp r) {
            FFmpegFrameGrabber g = new FFmpegFrameGrabber(r.url());
            g.setFormat("rtsp");
            g.setOption("rtsp_transport", "tcp");
            // Microseconds: a camera silent for 10 s counts as failed, and is reopened.
            g.setOption("timeout", "10000000");
            return g;
        }
        if (spec instanceof SourceSpec.V4l2 v) {
            FFmpegFrameGrabber g = new FFmpegFrameGrabber(v4l2Graph(v));
            g.setFormat("lavfi");
            return g;
        }
        if (spec instanceof SourceSpec.MediaFile f) {
            return new FFmpegFrameGrabber(f.path());
        }
        SourceSpec.Lavfi l = (SourceSpec.Lavfi) spec;
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(lavfiGraph(l, overlay));
        g.setFormat("lavfi");
        return g;
    }

    /** Whether the source runs at its own pace; a file must be paced to the wall clock by the reader. */
    static boolean paced(SourceSpec spec) {
        return !(spec instanceof SourceSpec.MediaFile);
    }

    /** A test pattern and a tone, paced to the wall clock by the realtime filters as a camera would be. */
    static String lavfiGraph(SourceSpec.Lavfi l, Path overlay) {
        StringBuilder graph = new StringBuilder(l.video());
        if (overlay != null) {
            graph.append("[bg];movie=filename=").append(escape(overlay.toString())).append("[caption];[bg][caption]overlay=16:16");
        }
        graph.append(",realtime[out0]");
        if (l.audio() != null) {
            graph.append(";").append(l.audio()).append(",arealtime[out1]");
        }
        return graph.toString();
    }

    /** A capture card and its sound through lavfi's movie sources, so one input carries both. */
    static String v4l2Graph(SourceSpec.V4l2 v) {
        String[] size = v.size().split("x");
        String video = "movie=filename=" + escape(v.device()) + ":format_name=video4linux2,scale=" + size[0] + ":"
                + size[1] + ",fps=" + v.fps() + "[out0]";
        return switch (v.audioSystem()) {
            case NONE -> video;
            case ALSA -> video + ";amovie=filename=" + escape(v.audioDevice()) + ":format_name=alsa[out1]";
            case PULSE -> video + ";amovie=filename=" + escape(v.audioDevice()) + ":format_name=pulse[out1]";
        };
    }

    private static String escape(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace(":", "\\:").replace(",", "\\,") + "'";
    }
}
