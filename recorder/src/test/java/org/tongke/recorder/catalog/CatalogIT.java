package org.tongke.recorder.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongke.recorder.testing.LessonFixtures.archive;
import static org.tongke.recorder.testing.LessonFixtures.math;
import static org.tongke.recorder.testing.LessonFixtures.music;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tongke.recorder.testing.TestDatabases;

/** The catalog on embedded H2 and on a real PostgreSQL: the same answers from both. */
class CatalogIT {
    private TestDatabases.Handle handle;
    private Catalog catalog;

    private void open(TestDatabases.Kind kind) {
        handle = TestDatabases.open(kind);
        catalog = new Catalog(handle.db().dataSource(), Clock.fixed(Instant.parse("2021-12-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() throws Exception {
        if (handle != null) {
            handle.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void findsALessonByAPartOfItsTitleInChinese(TestDatabases.Kind kind) {
        open(kind);
        catalog.publish(archive(math("2021-09-06"), "chengxi/lubo"), math("2021-09-06"));
        catalog.publish(archive(music("2021-09-06"), "chengxi/lubo"), music("2021-09-06"));

        SearchResult found = catalog.search(SearchQuery.text("数学"));

        assertThat(found.total()).isEqualTo(1);
        CatalogEntry entry = found.entries().get(0);
        assertThat(entry.title()).isEqualTo("四年级数学");
        assertThat(entry.kind()).isEqualTo(LessonKind.SYNCHRONIZED);
        assertThat(entry.rooms()).extracting(Room::teacherName).containsExactly("王芳", "陈杰");
        assertThat(entry.media().playlistPath()).endsWith("/master.m3u8");
        assertThat(catalog.search(SearchQuery.text("四年级")).total()).isEqualTo(2);
        assertThat(catalog.search(SearchQuery.text("物理")).total()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void findsByTeacherSchoolAndStaffNotes(TestDatabases.Kind kind) {
        open(kind);
        CatalogEntry math = catalog.publish(archive(math("2021-09-06"), "chengxi/lubo"), math("2021-09-06"));
        catalog.publish(archive(music("2021-09-06"), "chengxi/lubo"), music("2021-09-06"));
        catalog.setNotes(math.id(), "板书清晰，适合新教师观摩");

        assertThat(titles(catalog.search(SearchQuery.text("赵磊")))).containsExactly("四年级音乐");
        assertThat(catalog.search(SearchQuery.text("祯埠")).total()).isEqualTo(2);
        assertThat(titles(catalog.search(SearchQuery.text("观摩")))).containsExactly("四年级数学");
        assertThat(titles(catalog.search(SearchQuery.text("王芳 板书")))).containsExactly("四年级数学");
        assertThat(catalog.search(SearchQuery.text("王芳 音乐")).total()).as("every word must match").isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void takesWildcardsInTheQueryLiterallyAndFoldsFullWidthLetters(TestDatabases.Kind kind) {
        open(kind);
        CatalogEntry math = catalog.publish(archive(math("2021-09-06"), "chengxi/lubo"), math("2021-09-06"));
        catalog.setNotes(math.id(), "Unit 3: 100% correct");

        assertThat(catalog.search(SearchQuery.text("_")).total()).isZero();
        assertThat(catalog.search(SearchQuery.text("100%")).total()).isEqualTo(1);
        assertThat(catalog.search(SearchQuery.text("%%")).total()).isZero();
        assertThat(catalog.search(SearchQuery.text("ＵＮＩＴ")).total()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void countsEveryFilterValueOverTheMatchingEntries(TestDatabases.Kind kind) {
        open(kind);
        catalog.publish(archive(math("2021-09-06"), "chengxi/lubo"), math("2021-09-06"));
        catalog.publish(archive(math("2021-09-06"), "zhenbu/lubo"), math("2021-09-06"));
        catalog.publish(archive(math("2021-10-11"), "chengxi/lubo"), math("2021-10-11"));
        catalog.publish(archive(music("2021-09-07"), "chengxi/lubo"), music("2021-09-07"));

        Map<String, List<SearchResult.FacetCount>> facets = catalog.search(SearchQuery.all()).facets();

        assertThat(counts(facets, "subject")).containsExactly(Map.entry("数学", 3L), Map.entry("音乐", 1L));
        assertThat(counts(facets, "kind")).containsOnly(Map.entry("synchronized", 3L), Map.entry("dedicated-delivery", 1L));
        assertThat(counts(facets, "school")).containsOnly(Map.entry("chengxi", 4L), Map.entry("zhenbu", 4L));
        assertThat(counts(facets, "teacher")).containsOnly(Map.entry("chengxi/wang-fang", 3L),
                Map.entry("zhenbu/chen-jie", 3L), Map.entry("chengxi/zhao-lei", 1L), Map.entry("zhenbu/liu-yang", 1L));
        assertThat(counts(facets, "month")).containsExactly(Map.entry("2021-10", 1L), Map.entry("2021-09", 3L));
        assertThat(counts(facets, "grade")).containsExactly(Map.entry("4", 4L));
        assertThat(facets.get("community")).singleElement().satisfies(f -> {
            assertThat(f.label()).isEqualTo("城西小学—祯埠镇小共建型教共体");
            assertThat(f.count()).isEqualTo(4);
        });
        Map<String, List<SearchResult.FacetCount>> mathOnly = catalog.search(SearchQuery.text("数学")).facets();
        assertThat(counts(mathOnly, "teacher")).containsOnly(Map.entry("chengxi/wang-fang", 3L),
                Map.entry("zhenbu/chen-jie", 3L));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void filtersBySchoolTeacherKindGradeAndDateRange(TestDatabases.Kind kind) {
        open(kind);
        catalog.publish(archive(math("2021-09-06"), "chengxi/lubo"), math("2021-09-06"));
        catalog.publish(archive(math("2021-10-11"), "chengxi/lubo"), math("2021-10-11"));
        catalog.publish(archive(music("2021-09-07"), "chengxi/lubo"), music("2021-09-07"));
        SearchQuery all = SearchQuery.all();

        assertThat(titles(catalog.search(all.withFilters(null, "c1", "zhenbu", null, 4, "zhenbu/liu-yang", null))))
                .containsExactly("四年级音乐");
        assertThat(catalog.search(all.withFilters(null, null, null, null, null, null, "synchronized")).total()).isEqualTo(2);
        assertThat(catalog.search(all.withFilters(null, null, null, null, 5, null, null)).total()).isZero();
        assertThat(catalog.search(all.withFilters("resource", null, null, null, null, null, null)).total()).isZero();
        SearchResult september = catalog.search(all.withDates(LocalDate.parse("2021-09-01"), LocalDate.parse("2021-09-30")));
        assertThat(titles(september)).containsExactly("四年级音乐", "四年级数学");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void sortsByDateViewsOrTitleAndPages(TestDatabases.Kind kind) {
        open(kind);
        CatalogEntry first = catalog.publish(archive(math("2021-09-06"), "chengxi/lubo"), math("2021-09-06"));
        CatalogEntry second = catalog.publish(archive(math("2021-09-13"), "chengxi/lubo"), math("2021-09-13"));
        CatalogEntry music = catalog.publish(archive(music("2021-09-07"), "chengxi/lubo"), music("2021-09-07"));
        catalog.countView(first.id());
        catalog.countView(first.id());
        assertThat(catalog.countView(music.id())).contains(1L);

        assertThat(ids(catalog.search(SearchQuery.all()))).containsExactly(second.id(), music.id(), first.id());
        assertThat(ids(catalog.search(SearchQuery.all().withSort(SearchQuery.Sort.VIEWS))))
                .containsExactly(first.id(), music.id(), second.id());
        assertThat(ids(catalog.search(SearchQuery.all().withSort(SearchQuery.Sort.TITLE))))
                .containsExactly(second.id(), first.id(), music.id());
        SearchResult page2 = catalog.search(SearchQuery.all().withPage(2, 2));
        assertThat(page2.total()).isEqualTo(3);
        assertThat(ids(page2)).containsExactly(first.id());
        assertThat(catalog.countView(999_999)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void republishingAnArchiveReplacesItsMediaAndKeepsNotesAndViews(TestDatabases.Kind kind) {
        open(kind);
        ArchivedLesson archive = archive(math("2021-09-06"), "chengxi/lubo");
        CatalogEntry entry = catalog.publish(archive, math("2021-09-06"));
        catalog.setNotes(entry.id(), "重点：分数");
        catalog.countView(entry.id());

        ArchivedLesson again = new ArchivedLesson(archive.lessonId(), archive.classroom(), 2410, 1920, 1080,
                archive.posterPath(), archive.thumbnailsPath(), "lessons/again/master.m3u8", 1, archive.archivedAt());
        CatalogEntry replaced = catalog.publish(again, math("2021-09-06"));

        assertThat(replaced.id()).isEqualTo(entry.id());
        assertThat(replaced.media().playlistPath()).isEqualTo("lessons/again/master.m3u8");
        assertThat(replaced.media().height()).isEqualTo(1080);
        assertThat(replaced.notes()).isEqualTo("重点：分数");
        assertThat(replaced.views()).isEqualTo(1);
        assertThat(catalog.search(SearchQuery.text("分数")).total()).isEqualTo(1);
        assertThat(catalog.search(SearchQuery.all()).total()).isEqualTo(1);
        assertThat(catalog.archivedLessonIds()).containsExactly("c1-math#1@2021-09-06");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void republishingAfterARePlanMovesTheEntryToItsNewTeacher(TestDatabases.Kind kind) {
        open(kind);
        LessonMetadata planned = math("2021-09-06");
        catalog.publish(archive(planned, "chengxi/lubo"), planned);
        catalog.search(SearchQuery.all());
        Room stand = new Room(Room.Role.RECEIVER, "zhenbu", "祯埠镇小", "g4c1", "四年级(1)班", "liu-yang", "刘洋");
        LessonMetadata replanned = new LessonMetadata(planned.lessonId(), planned.title(), planned.communityId(),
                planned.communityName(), planned.kind(), planned.subject(), planned.grade(), planned.date(),
                planned.start(), planned.end(), List.of(planned.rooms().get(0), stand));

        catalog.publish(archive(replanned, "chengxi/lubo"), replanned);

        assertThat(catalog.search(SearchQuery.text("陈杰")).total()).isZero();
        assertThat(catalog.search(SearchQuery.text("刘洋")).total()).isEqualTo(1);
        assertThat(counts(catalog.search(SearchQuery.all()).facets(), "teacher"))
                .containsOnly(Map.entry("chengxi/wang-fang", 1L), Map.entry("zhenbu/liu-yang", 1L));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void seesWhatAnotherProcessWroteAtItsNextSearch(TestDatabases.Kind kind) {
        open(kind);
        Catalog other = new Catalog(handle.db().dataSource(), Clock.fixed(Instant.parse("2021-12-01T00:05:00Z"),
                ZoneOffset.UTC));
        catalog.publish(archive(math("2021-09-06"), "chengxi/lubo"), math("2021-09-06"));
        assertThat(other.search(SearchQuery.all()).total()).isEqualTo(1);

        CatalogEntry music = other.publish(archive(music("2021-09-06"), "chengxi/lubo"), music("2021-09-06"));
        other.setNotes(music.id(), "节奏训练");
        other.countView(music.id());

        assertThat(titles(catalog.search(SearchQuery.text("节奏")))).containsExactly("四年级音乐");
        assertThat(catalog.search(SearchQuery.all().withSort(SearchQuery.Sort.VIEWS)).entries().get(0).id())
                .isEqualTo(music.id());
    }

    private static List<String> titles(SearchResult result) {
        return result.entries().stream().map(CatalogEntry::title).toList();
    }

    private static List<Long> ids(SearchResult result) {
        return result.entries().stream().map(CatalogEntry::id).toList();
    }

    private static Map<String, Long> counts(Map<String, List<SearchResult.FacetCount>> facets, String facet) {
        return facets.get(facet).stream().collect(Collectors.toMap(SearchResult.FacetCount::value,
                SearchResult.FacetCount::count, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
