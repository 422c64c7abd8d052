package org.tongke.recorder.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ffmpeg and ffprobe programs for tests: TONGKE_TEST_FFPROBE (set by bin/test) or the ones
 * on PATH. ffmpeg makes short lavfi clips; ffprobe checks what the recorder wrote. Missing
 * programs fail the test with the fix.
 */
public final class Ffmpeg {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Ffmpeg() {
    }

    public static String ffprobe() {
        String given = System.getenv("TONGKE_TEST_FFPROBE");
        if (given != null && !given.isBlank()) {
            return given;
        }
        return onPath("ffprobe");
    }

    public static String ffmpeg() {
        Path probe = Path.of(ffprobe());
        if (probe.getParent() != null && Files.isExecutable(probe.resolveSibling("ffmpeg"))) {
            return probe.resolveSibling("ffmpeg").toString();
        }
        return onPath("ffmpeg");
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(program + " is not installed: run the tests through bin/test, or apt-get install ffmpeg");
    }

    /**
     * A clip of {@code seconds} of test pattern (and a tone unless {@code audio} is false) in
     * {@code videoCodec} ({@code libx264} or {@code mpeg4}), AAC audio; MP4, or MPEG-TS (ADTS AAC)
     * when the file's name ends in {@code .ts}.
     */
    public static Path clip(Path file, double seconds, int width, int height, boolean audio, String videoCodec) {
        List<String> args = new ArrayList<>(List.of(ffmpeg(), "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=15:duration=" + seconds));
        if (audio) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds, "-c:a", "aac", "-b:a", "64k"));
        }
        args.addAll(List.of("-c:v", videoCodec, "-pix_fmt", "yuv420p", "-g", "15"));
        if (videoCodec.equals("libx264")) {
            args.addAll(List.of("-preset", "ultrafast"));
        }
        args.addAll(List.of("-t", Double.toString(seconds), file.toString()));
        run(args);
        return file;
    }

    /** ffprobe's JSON of the file's format and streams. */
    public static JsonNode probe(Path file) {
        String out = run(List.of(ffprobe(), "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString()));
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("ffprobe printed no JSON: " + out, e);
        }
    }

    public static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) {
            if (type.equals(s.path("codec_type").asText())) {
                return s;
            }
        }
        return null;
    }

    public static double duration(JsonNode probe) {
        return probe.path("format").path("duration").asDouble(-1);
    }

    private static String run(List<String> args) {
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", args) + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(args.get(0) + " cannot be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
