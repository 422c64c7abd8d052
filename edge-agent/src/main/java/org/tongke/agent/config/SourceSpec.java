package org.tongke.agent.config;

import java.util.Objects;

/**
 * One capture source of the classroom: a camera, a capture card, a file or a test pattern,
 * always with the name it is uploaded under ({@code teacher}, {@code students}, {@code screen}).
 */
public sealed interface SourceSpec {
    String name();

    /** An IP camera's stream. */
    record Rtsp(String name, String url) implements SourceSpec {
        public Rtsp {
            Objects.requireNonNull(url, "url");
        }
    }

    /** A V4L2 video device with sound from ALSA ({@code hw:1,0}) or PulseAudio ({@code default}), or none. */
    record V4l2(String name, String device, AudioSystem audioSystem, String audioDevice, String size, int fps)
            implements SourceSpec {
    }

    /** A media file, read at its own pace (a demo, a replay). */
    record MediaFile(String name, String path, boolean loop) implements SourceSpec {
    }

    /** An FFmpeg test source: a lavfi video graph (testsrc2), a sound graph (sine), an optional text overlay. */
    record Lavfi(String name, String video, String audio, String text) implements SourceSpec {
    }

    enum AudioSystem {
        ALSA, PULSE, NONE
    }
}
