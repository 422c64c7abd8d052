package org.tongke.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tongke.recorder.archive.ArchiveSettings;
import org.tongke.recorder.archive.MediaSteps;

/**
 * The recorder's archive pipeline on a generated 720p H.264/AAC lesson (default 10 minutes, in
 * 60-second segments): the remux-only path (segments copied into HLS) as a multiple of real
 * time, and the two-rendition transcode (720p and 360p, libx264 {@code veryfast}, the pipeline's
 * bitrates) next to the ffmpeg command line doing the same job in the same run.
 */
public final class RecorderBench {
    private RecorderBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        ArchiveSettings settings = ArchiveSettings.defaults();
        Path dir = Files.createTempDirectory("bench-recorder");
        try {
            long t = System.nanoTime();
            List<Path> segments = generate(dir.resolve("segments"), seconds);
            double generateS = (System.nanoTime() - t) / 1e9;

            t = System.nanoTime();
            double media = MediaSteps.remuxToHls(segments, dir.resolve("remux"), settings);
            double remuxS = (System.nanoTime() - t) / 1e9;

            t = System.nanoTime();
            MediaSteps.transcodeToHls(segments, dir.resolve("transcode"), settings);
            double transcodeS = (System.nanoTime() - t) / 1e9;

            List<String> ffmpeg = ffmpegLadder(dir.resolve("segments.ffconcat"), segments, dir.resolve("ffmpeg"), settings);
            t = System.nanoTime();
            run(ffmpeg);
            double ffmpegS = (System.nanoTime() - t) / 1e9;

            System.out.printf("recorder archive, generated lesson: %.0f s of 1280x720 25 fps H.264 + AAC in %d segments (made in %.1f s)%n",
                    media, segments.size(), generateS);
            System.out.printf("  remux-only path (copy into HLS)     %8.2f s  = %.0fx real time%n", remuxS, media / remuxS);
            System.out.printf("  baseline: ffmpeg, 720p + 360p HLS   %8.2f s  (%s)%n", ffmpegS, String.join(" ", ffmpeg));
            System.out.printf("  pipeline, 720p + 360p HLS + stills  %8.2f s  = %.2fx the ffmpeg baseline, %.1fx real time%n",
                    transcodeS, transcodeS / ffmpegS, media / transcodeS);
            System.out.printf("  machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A lesson as an agent records it: test pattern and a tone, H.264 + AAC, cut every 60 s. */
    private static List<Path> generate(Path folder, int seconds) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "2500k", "-g", "50", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "128k", "-f", "segment", "-segment_time", "60", "-reset_timestamps", "1",
                folder.resolve("%05d.mp4").toString()));
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** The same job as the pipeline's transcode: one decode, two libx264 + AAC HLS renditions, same preset, GOP and bitrates. */
    private static List<String> ffmpegLadder(Path list, List<Path> segments, Path out, ArchiveSettings settings) throws IOException {
        StringBuilder concat = new StringBuilder("ffconcat version 1.0\n");
        segments.forEach(s -> concat.append("file '").append(s.toAbsolutePath()).append("'\n"));
        Files.writeString(list, concat, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list.toString()));
        List<ArchiveSettings.Ladder> ladder = settings.ladder();
        StringBuilder graph = new StringBuilder("[0:v]split=" + ladder.size());
        for (int i = 0; i < ladder.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < ladder.size(); i++) {
            graph.append(";[s").append(i).append("]scale=-2:").append(ladder.get(i).height()).append("[v").append(i).append(']');
        }
        cmd.addAll(List.of("-filter_complex", graph.toString()));
        for (int i = 0; i < ladder.size(); i++) {
            ArchiveSettings.Ladder rung = ladder.get(i);
            Path folder = out.resolve(rung.name());
            Files.createDirectories(folder);
            cmd.addAll(List.of("-map", "[v" + i + "]", "-map", "0:a", "-c:v", "libx264", "-preset", settings.preset(),
                    "-pix_fmt", "yuv420p", "-g", "50", "-sc_threshold", "0", "-b:v", rung.videoKbps() + "k",
                    "-maxrate", rung.videoKbps() + "k", "-bufsize", 2 * rung.videoKbps() + "k",
                    "-c:a", "aac", "-b:a", rung.audioKbps() + "k", "-f", "hls", "-hls_time", Integer.toString(settings.hlsSeconds()),
                    "-hls_playlist_type", "vod", "-hls_list_size", "0",
                    "-hls_segment_filename", folder.resolve("seg%05d.ts").toString(), folder.resolve("index.m3u8").toString()));
        }
        return cmd;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd.get(0) + " failed: " + out);
        }
    }
}
