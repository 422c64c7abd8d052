package org.tongke.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.recorder.server.Database;

class ReadyLessonsTest {
    private static final LessonKey KEY = new LessonKey("qt-01-sync#1@2021-11-24", "wuzhong/lubo");
    private static final Instant T0 = Instant.parse("2021-11-24T06:10:00Z");
    private static final String MANIFEST = """
            {"sources":[{"name":"teacher","segments":2}],"startedAt":"2021-11-24T13:29:30+08:00","endedAt":"2021-11-24T14:10:30+08:00"}""";

    @TempDir
    Path dir;
    private Database db;
    private IngestStore store;
    private final List<LessonKey> asked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", dir);
        store = new IngestStore(db.dataSource());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ReadyLessons at(Instant now) {
        return new ReadyLessons(store, asked::add, Duration.ofHours(2), Clock.fixed(now, ZoneOffset.UTC));
    }

    private void stored(int segment) {
        UploadMetadata meta = new UploadMetadata(new SegmentKey(KEY.lesson(), KEY.classroom(), "teacher", segment), segment + ".mp4",
                "0".repeat(64));
        store.insert(new Upload(UUID.randomUUID().toString().replace("-", ""), meta, 10, 10, Upload.State.STORED, T0));
    }

    @Test
    void asksForTheArchiveOnceTheLastSegmentTheManifestNamesIsStoredAndOnlyOnce() {
        store.putManifest(KEY, MANIFEST, T0);
        stored(1);
        at(T0).check(KEY);
        assertThat(asked).isEmpty();
        stored(0);
        at(T0).check(KEY);
        at(T0).check(KEY);
        at(T0.plus(Duration.ofHours(5))).sweep();
        assertThat(asked).containsExactly(KEY);
    }

    @Test
    void asksForTheArchiveWithSegmentsMissingOnlyOnceTheWaitIsOver() {
        store.putManifest(KEY, MANIFEST, T0);
        stored(0);
        at(T0.plus(Duration.ofMinutes(119))).sweep();
        assertThat(asked).isEmpty();
        assertThat(at(T0).missing(KEY, ManifestJson.read(MANIFEST))).containsExactly("teacher#1");
        at(T0.plus(Duration.ofHours(2))).sweep();
        assertThat(asked).containsExactly(KEY);
    }
}
