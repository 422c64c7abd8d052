package org.tongke.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.recorder.ingest.IngestStore;
import org.tongke.recorder.ingest.LessonKey;
import org.tongke.recorder.jobs.ArchiveJob;
import org.tongke.recorder.jobs.JobStore;

/**
 * The migrations and the stores on PostgreSQL (bin/test's private server, TONGKE_TEST_PG_URL),
 * in a schema of their own so other tests' rows never meet these.
 */
class PostgresDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migratesPostgresAndKeepsOneJobPerLessonAndClassroom() throws Exception {
        String url = System.getenv("TONGKE_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "TONGKE_TEST_PG_URL is not set: bin/test starts PostgreSQL and sets it");
        String user = System.getenv().getOrDefault("TONGKE_TEST_PG_USER", "postgres");
        String schema = "recorder_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String jdbc = url + (url.contains("?") ? "&" : "?") + "user=" + user + "&currentSchema=" + schema;
        try (Database db = Database.open(jdbc, dir)) {
            JobStore jobs = new JobStore(db.dataSource(), Clock.systemUTC());
            LessonKey key = new LessonKey("qt-01-sync#1@2021-11-24", "wuzhong/lubo");
            ArchiveJob first = jobs.enqueue(key);
            ArchiveJob again = jobs.enqueue(key);
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(jobs.all()).hasSize(1);
            assertThat(jobs.claim(first.id(), "worker-1", java.time.Duration.ofMinutes(1))).isTrue();
            assertThat(jobs.claim(first.id(), "worker-2", java.time.Duration.ofMinutes(1))).isFalse();
            jobs.failed(first.id(), "segment teacher#0 is not media FFmpeg can read");
            assertThat(jobs.find(first.id()).orElseThrow().reason()).contains("not media");
            IngestStore ingest = new IngestStore(db.dataSource());
            ingest.putManifest(key, "{\"sources\":[]}", Instant.now());
            assertThat(ingest.waiting()).hasSize(1);
        }
        try (Database reopened = Database.open(jdbc, dir)) {
            assertThat(new JobStore(reopened.dataSource(), Clock.systemUTC()).count(ArchiveJob.State.FAILED)).isEqualTo(1);
        }
    }
}
