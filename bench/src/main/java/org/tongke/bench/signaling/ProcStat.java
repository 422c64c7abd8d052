package org.tongke.bench.signaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time so far, from {@code /proc/PID/stat} (Linux). */
final class ProcStat {
    /** {@code getconf CLK_TCK} on Linux. */
    static final double TICKS_PER_SECOND = 100;

    private ProcStat() {
    }

    /** User + system CPU time in clock ticks (fields 14 and 15). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
