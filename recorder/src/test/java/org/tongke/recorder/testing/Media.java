package org.tongke.recorder.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real media for the library's tests, made by the ffmpeg command line: a short H.264 HLS
 * lesson with a master playlist, a poster and a folder of thumbnails. Fails with a clear
 * message when ffmpeg is missing.
 */
public final class Media {
    private Media() {
    }

    /** Writes {@code master.m3u8}, {@code 360p/index.m3u8} and segments, {@code poster.jpg}, {@code thumbs/NNN.jpg} into {@code dir}. */
    public static void hlsLesson(Path dir, int seconds) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("360p"));
        Files.createDirectories(dir.resolve("thumbs"));
        String source = "testsrc2=size=640x360:rate=25:duration=" + seconds;
        ffmpeg(dir, "-f", "lavfi", "-i", source, "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "libx264", "-profile:v", "main", "-pix_fmt", "yuv420p", "-g", "25", "-c:a", "aac", "-b:a", "64k",
                "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod", "-hls_segment_filename", "360p/seg%03d.ts",
                "360p/index.m3u8");
        Files.writeString(dir.resolve("master.m3u8"), "#EXTM3U\n#EXT-X-VERSION:3\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS=\"avc1.4d401e,mp4a.40.2\"\n360p/index.m3u8\n");
        ffmpeg(dir, "-f", "lavfi", "-i", source, "-frames:v", "1", "poster.jpg");
        ffmpeg(dir, "-f", "lavfi", "-i", source, "-vf", "fps=1,scale=160:-2", "thumbs/%03d.jpg");
    }

    private static void ffmpeg(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg is not installed: run the tests through bin/test, which installs it,"
                    + " or install the Debian package ffmpeg", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg " + String.join(" ", args) + " failed: " + output);
        }
    }
}
