package org.tongke.recorder.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.recorder.testing.TestDatabases;
import org.tongke.recorder.testing.TinyPlan;

class CurrentLessonsTest {
    @TempDir
    Path dir;

    @Test
    void aNewPlanReplacesTheDirectoryWholeWhileADirectoryTakenBeforeStaysAsItWas() {
        CurrentLessons lessons = new CurrentLessons(TinyPlan.directory(dir));
        LessonDirectory before = lessons.now();

        lessons.replace(PlanFile.parse(TinyPlan.replanned(5), "GET /api/plan"));

        LessonDirectory after = lessons.now();
        assertThat(after).isNotSameAs(before);
        assertThat(after.county()).isSameAs(before.county());
        assertThat(lessons.version(after.plan())).isEqualTo(5L);
        assertThat(after.find("c1-math#1@2021-09-13").orElseThrow().date()).isEqualTo(LocalDate.of(2021, 9, 15));
        assertThat(after.find("c1-math#1@2021-09-20")).isPresent();
        assertThat(before.find("c1-math#1@2021-09-13").orElseThrow().date()).isEqualTo(LocalDate.of(2021, 9, 13));
        assertThat(before.find("c1-math#1@2021-09-20")).isEmpty();
        assertThat(lessons.version(before.plan())).isNull();
    }

    @Test
    void aPlanOfAnotherCountyIsRefusedAndTheDirectoryInForceStays() {
        CurrentLessons lessons = new CurrentLessons(TinyPlan.directory(dir));
        LessonDirectory before = lessons.now();

        assertThatThrownBy(() -> lessons.replace(PlanFile.parse(TinyPlan.replanned(5)
                .replace("\"county\":\"tiny\"", "\"county\":\"qingtian\""), "GET /api/plan")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("county qingtian")
                .hasMessageContaining("county tiny");
        assertThat(lessons.now()).isSameAs(before);
        assertThat(lessons.county()).contains("tiny");
    }

    @Test
    void aLessonArchivedBeforeItWasMovedKeepsTheMetadataItWasArchivedWith() throws Exception {
        CurrentLessons lessons = new CurrentLessons(TinyPlan.directory(dir));
        try (TestDatabases.Handle db = TestDatabases.h2()) {
            Catalog catalog = new Catalog(db.db().dataSource(), java.time.Clock.systemUTC());
            String moved = "c1-math#1@2021-09-13";
            CatalogEntry archived = catalog.publish(new ArchivedLesson(moved, "chengxi/lubo", 2400, 640, 360, null,
                    null, "lessons/x/master.m3u8", 1, Instant.now()), lessons.now().describe(moved, "chengxi/lubo"));

            lessons.replace(PlanFile.parse(TinyPlan.replanned(5), "GET /api/plan"));

            CatalogEntry after = catalog.find(archived.id()).orElseThrow();
            assertThat(after.date()).isEqualTo(LocalDate.of(2021, 9, 13));
            assertThat(after.start()).isEqualTo(LocalTime.of(13, 30));
            assertThat(lessons.now().find(moved).orElseThrow().start()).isEqualTo(LocalTime.of(15, 0));
        }
    }
}
