package org.tongke.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tongke.agent.capture.LessonFiles;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.config.SourceSpec;
import org.tongke.agent.upload.RateLimiter;
import org.tongke.agent.upload.TusClient;
import org.tongke.agent.upload.UploadJournal;
import org.tongke.agent.upload.UploadQueue;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.testing.RuralLink;
import org.tongke.recorder.server.RecorderOptions;
import org.tongke.recorder.server.RecorderServer;

/**
 * The edge agent's costs, each next to the ffmpeg command line doing the same job in the same
 * run: CPU and heap while stream-copying a 1080p H.264 camera and while encoding a raw 720p
 * source (each in its own JVM, {@code -Xmx128m}); and the upload goodput through a 2 Mbit/s
 * link that cuts, against the same link without cuts, to the real recorder.
 */
public final class AgentBench {
    static final int WARMUP = 5;
    static final int WINDOW = 20;
    static final long LINK_BPS = 2_000_000;
    static final byte[] SECRET = "a-benchmark-secret-of-more-than-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);

    private AgentBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("bench-agent");
        try {
            Path camera = dir.resolve("camera-1080p.ts");
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                    "-t", Integer.toString(WARMUP + WINDOW + 5), "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "4M",
                    "-g", "50", "-c:a", "aac", "-b:a", "128k", "-f", "mpegts", camera.toString());
            boolean recording = args.length == 0 || !args[0].equals("upload");
            if (recording) {
            System.out.println("edge agent, recording (CPU in % of one core over " + WINDOW + " s after " + WARMUP
                    + " s of warm-up; agent in its own JVM, -Xmx128m)");
            String copyAgent = probe("copy", camera.toString(), dir.resolve("copy-agent"));
            double copyFfmpeg = ffmpegCpu(List.of("-re", "-i", camera.toString(), "-c", "copy", "-f", "segment",
                    "-segment_time", "60", dir.resolve("copy-ffmpeg-%03d.ts").toString()));
            report("stream copy, 1080p25 H.264 4 Mbit/s + AAC", copyAgent, copyFfmpeg);
            String encodeAgent = probe("encode", "1280x720", dir.resolve("encode-agent"));
            double encodeFfmpeg = ffmpegCpu(List.of("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25,realtime",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000,arealtime", "-c:v", "libx264",
                    "-preset", "veryfast", "-crf", "23", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
                    "-f", "segment", "-segment_time", "60", dir.resolve("encode-ffmpeg-%03d.ts").toString()));
            report("encode, raw 720p25 testsrc2 + sine -> libx264 veryfast + AAC", encodeAgent, encodeFfmpeg);
            }

            Path segment = dir.resolve("segment.ts");
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-t", "20", "-c:v", "libx264", "-preset",
                    "ultrafast", "-b:v", "2500k", "-maxrate", "2500k", "-bufsize", "1M", "-f", "mpegts", segment.toString());
            long bytes = Files.size(segment);
            System.out.printf("edge agent, upload of a %.1f MiB segment to the recorder through a %d Mbit/s link%n",
                    bytes / 1048576.0, LINK_BPS / 1_000_000);
            double raw = rawTransfer(segment);
            System.out.printf("  baseline: the bytes alone over one TCP connection through the link  %5.1f s = %3.0f%% of the link%n",
                    raw, 100 * bytes * 8 / raw / LINK_BPS);
            int[] chunks = args.length > 1 ? java.util.Arrays.stream(args, 1, args.length).mapToInt(k -> Integer.parseInt(k) * 1024).toArray()
                    : new int[] {128 * 1024, 256 * 1024, 1024 * 1024};
            for (int chunk : chunks) {
                double clean = upload(dir.resolve("clean-" + chunk), segment, chunk, 0, 0, new long[1]);
                System.out.printf("  chunks of %4d KiB, no cuts (baseline)   %5.1f s  goodput %5.0f kbit/s = %3.0f%% of the link%n",
                        chunk / 1024, clean, bytes * 8 / clean / 1000, 100 * bytes * 8 / clean / LINK_BPS);
                long[] cutsMade = new long[1];
                double cut = upload(dir.resolve("cut-" + chunk), segment, chunk, 1_000_000, 2_500_000, cutsMade);
                System.out.printf("  chunks of %4d KiB, %d cuts (1 to 2.5 MB apart) %5.1f s  goodput %5.0f kbit/s = %3.0f%% of the link,"
                        + " %3.0f%% of the baseline%n", chunk / 1024, cutsMade[0], cut, bytes * 8 / cut / 1000,
                        100 * bytes * 8 / cut / LINK_BPS, 100 * clean / cut);
            }
            System.out.printf("  machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"), System.getProperty("java.version"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static void report(String what, String agent, double ffmpegCpu) {
        Matcher m = Pattern.compile("cpu=([\\d.]+) heapMiB=([\\d.]+) rssMiB=([\\d.]+) maxHeapMiB=(\\d+) state=(\\S+)").matcher(agent);
        if (!m.find()) {
            throw new IllegalStateException("the probe printed no result: " + agent);
        }
        double cpu = Double.parseDouble(m.group(1));
        System.out.printf("  %s%n", what);
        System.out.printf("    baseline: ffmpeg command line  CPU %6.1f%%%n", ffmpegCpu);
        System.out.printf("    agent                          CPU %6.1f%% = %.2fx ffmpeg; heap in use at most %.1f MiB (of %s MiB);"
                + " resident %s MiB; source %s fps%n", cpu, cpu / ffmpegCpu, Double.parseDouble(m.group(2)), m.group(4),
                m.group(3), m.group(5).replace('@', ' '));
    }

    static String probe(String mode, String input, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                AgentRecordingProbe.class.getName(), mode, input, out.toString(), Integer.toString(WARMUP),
                Integer.toString(WINDOW)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return output;
    }

    static double ffmpegCpu(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread.sleep(WARMUP * 1000L);
        long cpu0 = p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        long t0 = System.nanoTime();
        Thread.sleep(WINDOW * 1000L);
        long cpu1 = p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        double seconds = (System.nanoTime() - t0) / 1e9;
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
        return 100.0 * (cpu1 - cpu0) / 1e9 / seconds;
    }

    static void ffmpeg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + out);
        }
    }

    /** Seconds to push the file's bytes through the link to a socket that reads them: what the link itself gives. */
    static double rawTransfer(Path file) throws Exception {
        byte[] data = Files.readAllBytes(file);
        try (java.net.ServerSocket sink = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             RuralLink link = RuralLink.paced(sink.getLocalPort(), LINK_BPS)) {
            Thread reader = new Thread(() -> {
                try (java.net.Socket s = sink.accept()) {
                    s.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            reader.start();
            long t0 = System.nanoTime();
            try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), link.port())) {
                s.getOutputStream().write(data);
                s.shutdownOutput();
                reader.join();
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** Seconds from queueing the segment to the recorder holding all of it. */
    static double upload(Path dir, Path segment, int chunk, long minCut, long maxCut, long[] cuts) throws Exception {
        try (RecorderServer recorder = RecorderServer.start(RecorderOptions.defaults(dir.resolve("library")).withPort(0),
                new TokenVerifier(SECRET, Clock.systemUTC()), Clock.systemUTC());
             RuralLink link = new RuralLink(recorder.port(), LINK_BPS, 11,
                     maxCut == 0 ? 0 : Integer.MAX_VALUE, minCut, maxCut)) {
            String token = new TokenIssuer(SECRET, Clock.systemUTC()).issue(Role.CLASSROOM_AGENT,
                    new Scope(Scope.Type.CLASSROOM, "bench/room"), null, Duration.ofHours(1));
            AgentConfig config = new AgentConfig("bench/room", token, java.net.URI.create("ws://127.0.0.1:1/ws"),
                    java.net.URI.create("http://127.0.0.1:" + link.port()), ZoneId.of("Asia/Shanghai"),
                    List.of(new SourceSpec.Lavfi("camera", "testsrc2", null, null)),
                    new AgentConfig.Storage(dir.resolve("agent"), 0, Long.MAX_VALUE, Duration.ofDays(1)),
                    new AgentConfig.Recording(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60), "mpegts"),
                    new AgentConfig.Upload(chunk, List.of()));
            Path file = LessonFiles.segment(LessonFiles.lessonDir(config.storage().dir(), "bench#1@2021-11-24")
                    .resolve("camera"), 0, "ts");
            Files.createDirectories(file.getParent());
            Files.copy(segment, file);
            try (UploadJournal journal = UploadJournal.open(config.storage().dir())) {
                TusClient tus = new TusClient(config.recorder(), token, new RateLimiter(List.of(), Clock.systemUTC(),
                        config.timeZone()));
                UploadQueue queue = new UploadQueue(config, journal, tus, Clock.systemUTC(), Duration.ofSeconds(1));
                long t0 = System.nanoTime();
                queue.segmentClosed("bench#1@2021-11-24", "camera", 0, file, Instant.now());
                queue.start();
                while (!journal.segments().stream().allMatch(s -> s.uploaded()) || journal.segments().isEmpty()) {
                    Thread.sleep(20);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                queue.close();
                cuts[0] = link.cuts();
                return seconds;
            }
        }
    }
}
