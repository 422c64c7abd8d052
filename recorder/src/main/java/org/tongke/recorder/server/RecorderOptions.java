package org.tongke.recorder.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.tongke.recorder.archive.ArchiveSettings;
import org.tongke.recorder.jobs.RedisJobQueue;

/**
 * How a recorder runs: its port (0 for any free one), its database ({@code null}: H2 in the
 * library), its library folder, its Redis for shared jobs ({@code null}: in-process), how long a
 * manifest waits for missing segments, how many archive jobs run at once, after how long a
 * Redis job entry of a silent worker is taken over, and the archive's ladder and encoder preset.
 */
public record RecorderOptions(int port, String db, Path library, String redis, Duration archiveWait, int workers,
                              Duration staleAfter, ArchiveSettings archive) {
    public static final int DEFAULT_PORT = 8082;
    public static final Duration DEFAULT_ARCHIVE_WAIT = Duration.ofHours(2);
    /** Transcoding takes the cores; one job at a time keeps ingest responsive on a small box. */
    public static final int DEFAULT_WORKERS = 1;

    public RecorderOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not between 0 and 65535");
        }
        Objects.requireNonNull(library, "library");
        if (archiveWait == null || archiveWait.isNegative()) {
            throw new IllegalArgumentException("--archive-wait must be zero or more");
        }
        if (workers < 1 || workers > 16) {
            throw new IllegalArgumentException("--workers " + workers + " is not between 1 and 16");
        }
        if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
            throw new IllegalArgumentException("--redis " + redis + " is not a redis:// or rediss:// URI");
        }
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(archive, "archive");
    }

    public static RecorderOptions defaults(Path library) {
        return new RecorderOptions(DEFAULT_PORT, null, library, null, DEFAULT_ARCHIVE_WAIT, DEFAULT_WORKERS,
                RedisJobQueue.DEFAULT_STALE_AFTER, ArchiveSettings.defaults());
    }

    public RecorderOptions withPort(int newPort) {
        return new RecorderOptions(newPort, db, library, redis, archiveWait, workers, staleAfter, archive);
    }

    public RecorderOptions withDb(String newDb) {
        return new RecorderOptions(port, newDb, library, redis, archiveWait, workers, staleAfter, archive);
    }

    public RecorderOptions withRedis(String newRedis, Duration newStaleAfter) {
        return new RecorderOptions(port, db, library, newRedis, archiveWait, workers, newStaleAfter, archive);
    }

    public RecorderOptions withArchiveWait(Duration newWait) {
        return new RecorderOptions(port, db, library, redis, newWait, workers, staleAfter, archive);
    }

    public RecorderOptions withArchive(ArchiveSettings newArchive) {
        return new RecorderOptions(port, db, library, redis, archiveWait, workers, staleAfter, newArchive);
    }
}
