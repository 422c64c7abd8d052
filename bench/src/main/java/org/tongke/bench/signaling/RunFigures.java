package org.tongke.bench.signaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Prints a scenario's figures, the echo baseline and the signaling server side by side. */
final class RunFigures {
    private static final double TICKS_PER_SECOND = ProcStat.TICKS_PER_SECOND;

    private RunFigures() {
    }

    static void printRun(Map<String, String> e, Map<String, String> s) {
        row("frames delivered a second", "%,.0f", rate(e, "delivered"), rate(s, "delivered"));
        row("messages sent a second", "%,.0f", rate(e, "sent"), rate(s, "sent"));
        row("delivered frame size (bytes)", "%.0f", num(e, "frameBytes"), num(s, "frameBytes"));
        for (String p : List.of("p50", "p90", "p99", "p999", "max")) {
            row("latency " + p + " (ms)", "%.2f", num(e, p) / 1000, num(s, p) / 1000);
        }
        row("server CPU (cores busy)", "%.2f", cores(e, "serverCpu"), cores(s, "serverCpu"));
        row("generator CPU (cores busy)", "%.2f", cores(e, "generatorCpu"), cores(s, "generatorCpu"));
        row("server CPU ms per 1000 delivered", "%.1f", cpuPerThousand(e), cpuPerThousand(s));
        row("delivered per server CPU-second", "%,.0f", perCpuSecond(e), perCpuSecond(s));
        System.out.printf("  %-34s %22s %22s%n", "errors / connections lost", e.get("errors") + " / " + e.get("lost"),
                s.get("errors") + " / " + s.get("lost"));
        System.out.printf("  %-34s %22s %22s%n", "server's disconnects so far", "-", s.get("disconnects"));
    }

    static void row(String label, String format, double echoValue, double signalingValue) {
        System.out.printf("  %-34s %22s %22s%n", label, String.format(format, echoValue),
                String.format(format, signalingValue));
    }

    static double rate(Map<String, String> run, String key) {
        return num(run, key) / num(run, "seconds");
    }

    static double cores(Map<String, String> run, String key) {
        return num(run, key) / TICKS_PER_SECOND / num(run, "seconds");
    }

    static double cpuPerThousand(Map<String, String> run) {
        return num(run, "serverCpu") / TICKS_PER_SECOND * 1000 / (num(run, "delivered") / 1000);
    }

    /** Messages delivered per second of the server's CPU: what it would carry with a core to itself. */
    static double perCpuSecond(Map<String, String> run) {
        return num(run, "delivered") / (num(run, "serverCpu") / TICKS_PER_SECOND);
    }

    static double num(Map<String, String> run, String key) {
        String v = run.get(key);
        if (v == null) {
            throw new IllegalStateException("the generator reported no " + key + ": " + run);
        }
        return Double.parseDouble(v);
    }

    /** Other work on the machine takes cores from the server and the generator: say how much there was. */
    static void printLoad() throws IOException {
        String[] avg = Files.readString(Path.of("/proc/loadavg")).split(" ");
        System.out.printf("  machine load average (1, 5, 15 min): %s %s %s%n", avg[0], avg[1], avg[2]);
    }

    static String mib(long bytes) {
        return String.format("%.1f", bytes / 1048576.0);
    }
}
