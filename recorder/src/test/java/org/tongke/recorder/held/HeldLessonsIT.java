package org.tongke.recorder.held;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tongke.recorder.testing.TestDatabases;

/** Held lessons kept in the catalog database, on embedded H2 and on a real PostgreSQL alike. */
class HeldLessonsIT {
    static final String MATH = "c1-math#1@2021-09-06";

    private TestDatabases.Handle handle;
    private HeldLessons store;

    private void open(TestDatabases.Kind kind) {
        handle = TestDatabases.open(kind);
        store = new HeldLessons(handle.db().dataSource(), Clock.fixed(Instant.parse("2021-09-06T06:20:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() throws Exception {
        if (handle != null) {
            handle.close();
        }
    }

    static HeldLesson math(String endedAt, Integer present) {
        return new HeldLesson(MATH, Instant.parse("2021-09-06T05:30:12.345678Z"), Instant.parse(endedAt),
                HeldLesson.Ending.ENDED, List.of(new HeldLesson.Classroom("zhenbu/lubo", false, present, present == null ? null : 30),
                        new HeldLesson.Classroom("chengxi/lubo", true, null, null)), "sig-a");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void keepsAHeldLessonWithItsClassroomsAndAttendance(TestDatabases.Kind kind) {
        open(kind);

        assertThat(store.record(math("2021-09-06T06:10:00Z", 28), "signaling-server")).isEqualTo(HeldLessons.Outcome.CREATED);

        HeldLesson kept = store.find(MATH).orElseThrow();
        assertThat(kept.startedAt()).isEqualTo(Instant.parse("2021-09-06T05:30:12.345Z"));
        assertThat(kept.classrooms()).containsExactly(new HeldLesson.Classroom("chengxi/lubo", true, null, null),
                new HeldLesson.Classroom("zhenbu/lubo", false, 28, 30));
        assertThat(kept.node()).isEqualTo("sig-a");
        assertThat(store.lessonIds()).containsExactly(MATH);
        assertThat(store.find("c1-math#1@2021-09-13")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theSameReportTwiceStoresOnceAndALaterReportReplacesIt(TestDatabases.Kind kind) {
        open(kind);
        store.record(math("2021-09-06T06:10:00Z", null), "signaling-server");

        assertThat(store.record(math("2021-09-06T06:10:00Z", null), "signaling-server"))
                .isEqualTo(HeldLessons.Outcome.UNCHANGED);
        assertThat(store.record(math("2021-09-06T06:12:00Z", 27), "signaling-server"))
                .isEqualTo(HeldLessons.Outcome.UPDATED);

        assertThat(store.lessonIds()).hasSize(1);
        HeldLesson kept = store.find(MATH).orElseThrow();
        assertThat(kept.endedAt()).isEqualTo(Instant.parse("2021-09-06T06:12:00Z"));
        assertThat(kept.classrooms()).contains(new HeldLesson.Classroom("zhenbu/lubo", false, 27, 30));
    }
}
