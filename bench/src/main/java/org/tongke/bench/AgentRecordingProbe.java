package org.tongke.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.tongke.agent.capture.ClassroomRecorder;
import org.tongke.agent.capture.SegmentListener;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.config.SourceSpec;
import org.tongke.agent.schedule.Target;

/**
 * The agent's recorder alone in its own JVM, recording one source for a while; prints the CPU
 * it used over the measured window (after a warm-up), the highest heap in use and the resident
 * memory peak: {@code copy FILE} (a file read at its own pace, stream copy) or {@code encode
 * WIDTHxHEIGHT} (a raw lavfi test source, libx264 veryfast + AAC).
 */
public final class AgentRecordingProbe {
    private AgentRecordingProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String input = args[1];
        Path out = Path.of(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int window = Integer.parseInt(args[4]);
        SourceSpec source = mode.equals("copy") ? new SourceSpec.MediaFile("camera", input, false)
                : new SourceSpec.Lavfi("camera", "testsrc2=size=" + input + ":rate=25", "sine=frequency=440:sample_rate=48000", null);
        AgentConfig config = new AgentConfig("bench/room", "a.b.c", URI.create("ws://127.0.0.1:1/ws"),
                URI.create("http://127.0.0.1:1"), ZoneId.of("Asia/Shanghai"), List.of(source),
                new AgentConfig.Storage(out, 0, Long.MAX_VALUE, Duration.ofDays(1)),
                new AgentConfig.Recording(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60), "mpegts"),
                new AgentConfig.Upload(1 << 20, List.of()));
        SegmentListener none = new SegmentListener() {
            @Override
            public void segmentClosed(String lesson, String s, int index, Path file, Instant closedAt) {
            }

            @Override
            public void lessonEnded(String lesson, Path manifest) {
            }
        };
        ClassroomRecorder recorder = new ClassroomRecorder(config, none, Clock.systemUTC(), "veryfast");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        recorder.start(new Target("bench#1@2021-11-24", Instant.now().plusSeconds(3600), true));
        Thread.sleep(warmup * 1000L);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        long maxHeap = 0;
        while (System.nanoTime() - t0 < window * 1_000_000_000L) {
            maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
            Thread.sleep(100);
        }
        long cpu1 = cpuNanos();
        double seconds = (System.nanoTime() - t0) / 1e9;
        String fps = recorder.health().get(0).state() + " " + String.format("%.1f", recorder.health().get(0).fps());
        recorder.stop();
        System.out.printf("RESULT cpu=%.2f heapMiB=%.1f rssMiB=%.1f maxHeapMiB=%d state=%s%n",
                100.0 * (cpu1 - cpu0) / 1e9 / seconds, maxHeap / 1048576.0, peakRssKb() / 1024.0,
                Runtime.getRuntime().maxMemory() / 1048576, fps.replace(' ', '@'));
    }

    static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
