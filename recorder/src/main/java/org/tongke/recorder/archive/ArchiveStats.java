package org.tongke.recorder.archive;

import java.util.concurrent.atomic.LongAdder;

/** Archive throughput for the metrics: archives made, media seconds, bytes and wall time spent. */
public final class ArchiveStats {
    private final LongAdder archives = new LongAdder();
    private final LongAdder mediaMillis = new LongAdder();
    private final LongAdder wallMillis = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    void add(long media, long wall, long size) {
        archives.increment();
        mediaMillis.add(media);
        wallMillis.add(wall);
        bytes.add(size);
    }

    public long archives() {
        return archives.sum();
    }

    public long mediaSeconds() {
        return mediaMillis.sum() / 1000;
    }

    public long wallSeconds() {
        return wallMillis.sum() / 1000;
    }

    public long bytes() {
        return bytes.sum();
    }
}
