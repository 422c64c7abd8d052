package org.tongke.agent.testing;

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
 * The real ffmpeg and ffprobe, for making test media and checking what the agent wrote.
 * ffprobe comes from TONGKE_TEST_FFPROBE (bin/test sets it), else the PATH; ffmpeg sits beside it.
 */
public final class Media {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Media() {
    }

    public static Path ffprobe() {
        String env = System.getenv("TONGKE_TEST_FFPROBE");
        Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("/usr/bin/ffprobe");
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException("ffprobe not found at " + p + ": install ffmpeg (apt-get install -y ffmpeg)"
                    + " or set TONGKE_TEST_FFPROBE");
        }
        return p;
    }

    public static Path ffmpeg() {
        Path p = ffprobe().resolveSibling("ffmpeg");
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException("ffmpeg not found beside ffprobe at " + p);
        }
        return p;
    }

    /** Runs ffmpeg quietly with these arguments; fails the test on a non-zero exit. */
    public static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        run(command);
    }

    /** ffprobe's view of a file: {@code format} and {@code streams}, with every packet read (so damage shows). */
    public static JsonNode probe(Path file) throws IOException, InterruptedException {
        return JSON.readTree(run(List.of(ffprobe().toString(), "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", file.toString())));
    }

    public static double duration(Path file) throws IOException, InterruptedException {
        return probe(file).path("format").path("duration").asDouble(-1);
    }

    /** Decodes the whole file; the error lines ffmpeg printed (empty when every packet decoded). */
    public static String decodeErrors(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ffmpeg().toString(), "-v", "error", "-i", file.toString(), "-f", "null", "-")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.strip();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
