package org.tongke.recorder.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.testing.SettableClock;
import org.tongke.recorder.ingest.LessonKey;
import org.tongke.recorder.server.Database;

class JobStoreTest {
    private static final LessonKey KEY = new LessonKey("qt-01-sync#1@2021-11-24", "wuzhong/lubo");

    @TempDir
    Path dir;
    private Database db;
    private final SettableClock clock = new SettableClock(Instant.parse("2021-11-24T06:10:00Z"));
    private JobStore jobs;

    @BeforeEach
    void setUp() {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", dir);
        jobs = new JobStore(db.dataSource(), clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void makesOneJobPerLessonAndClassroomHoweverOftenItIsAskedFor() {
        String id = jobs.enqueue(KEY).id();
        assertThat(jobs.enqueue(KEY).id()).isEqualTo(id).isEqualTo(JobStore.idOf(KEY));
        assertThat(jobs.enqueue(new LessonKey(KEY.lesson(), "renzhuang/lubo")).id()).isNotEqualTo(id);
        assertThat(jobs.all()).hasSize(2);
    }

    @Test
    void letsOneWorkerHoldAJobUntilItFallsQuietThenAnotherMayTakeIt() {
        String id = jobs.enqueue(KEY).id();
        Duration quiet = Duration.ofMinutes(1);
        assertThat(jobs.claim(id, "a", quiet)).isTrue();
        clock.advance(Duration.ofSeconds(50));
        jobs.progress(id, 40);
        clock.advance(Duration.ofSeconds(50));
        assertThat(jobs.claim(id, "b", quiet)).as("a touched it 50 s ago").isFalse();
        clock.advance(Duration.ofSeconds(11));
        assertThat(jobs.claim(id, "b", quiet)).isTrue();
        ArchiveJob job = jobs.find(id).orElseThrow();
        assertThat(job.worker()).isEqualTo("b");
        assertThat(job.attempts()).isEqualTo(2);
        jobs.done(id);
        assertThat(jobs.claim(id, "c", quiet)).as("a finished job is never run again").isFalse();
    }

    @Test
    void queuesAgainTheJobsARecorderAloneLeftRunning() {
        String id = jobs.enqueue(KEY).id();
        jobs.claim(id, "a", Duration.ofMinutes(1));
        assertThat(jobs.requeueRunning()).isEqualTo(1);
        assertThat(jobs.find(id).orElseThrow().state()).isEqualTo(ArchiveJob.State.QUEUED);
        assertThat(jobs.claim(id, "a2", Duration.ofMinutes(1))).isTrue();
    }

}
