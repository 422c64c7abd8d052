package org.tongke.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.tongke.recorder.catalog.ArchivedLesson;
import org.tongke.recorder.catalog.Catalog;
import org.tongke.recorder.catalog.CatalogDatabase;
import org.tongke.recorder.catalog.Grades;
import org.tongke.recorder.catalog.LessonKind;
import org.tongke.recorder.catalog.LessonMetadata;
import org.tongke.recorder.catalog.Room;
import org.tongke.recorder.catalog.SearchQuery;
import org.tongke.recorder.catalog.SearchText;

/**
 * Library search latency over 100,000 generated lessons (70 communities, 210 schools, 9
 * subjects, a school year of dates, staff notes on a tenth), on embedded H2 and on PostgreSQL: p50
 * and p99 of a whole search (count, page of 20, every facet's counts) for a mix of typed
 * words, filters, sorts and pages, after the first search has built the index in memory
 * (timed apart). Baseline: the same word found by {@code String.contains} over the same
 * 100,000 normalized texts in memory, no database and no index.
 *
 * <p>PostgreSQL: {@code TONGKE_BENCH_PG_URL} and {@code TONGKE_BENCH_PG_USER} (or the tests'
 * {@code TONGKE_TEST_PG_*}) name a server where the benchmark may create and drop a database.
 */
public final class CatalogSearchBench {
    private static final int WARMUP = 60;
    private static final int RUNS_PER_QUERY = 60;
    private static final String[] SUBJECTS = {"语文", "数学", "英语", "科学", "音乐", "美术", "体育", "道德与法治", "信息技术"};
    private static final String[] PLACES = {"城西", "城东", "祯埠", "仁庄", "船寮", "东源", "高湖", "温溪", "海口", "山口",
        "章旦", "阜山", "北山", "万阜", "铁资", "祯旺", "章村", "石帆", "舒桥", "王岙", "季宅", "汤垟", "方山", "油竹", "彭括",
        "芝溪", "大路", "石盖", "红光", "良川", "湖边", "黄垟", "小舟山", "贵岙", "吴坑", "巨浦", "平演", "鹤城", "瓯南", "三溪口"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
        "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN = {"芳", "华", "磊", "洋", "杰", "静", "敏", "伟", "丽", "强", "军", "婷", "勇", "艳",
        "涛", "明", "超", "霞", "平", "刚", "燕", "辉", "玲", "桂英"};
    private static final String[] NOTES = {"板书清晰，适合新教师观摩", "小组合作环节精彩", "乡村课堂互动充分", "可作示范课",
        "音频偶有中断", "分层练习设计好", "课堂节奏偏快", "双师配合默契", "实验演示清楚", "朗读指导到位"};

    private CatalogSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int lessons = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Generated data = generate(lessons, new Random(7));
        System.out.printf("catalog search, %,d generated lessons (%d communities, %d schools, %d teachers)%n",
                lessons, data.communities, data.schools.size(), data.teachers.size());
        baseline(data);
        Path dir = Files.createTempDirectory("bench-catalog");
        try (CatalogDatabase h2 = CatalogDatabase.embedded(dir)) {
            run("H2 (embedded file)", h2, data);
        }
        String pg = env("TONGKE_BENCH_PG_URL", env("TONGKE_TEST_PG_URL", null));
        if (pg == null) {
            System.out.println("  PostgreSQL: skipped (set TONGKE_BENCH_PG_URL and TONGKE_BENCH_PG_USER)");
        } else {
            postgres(pg, env("TONGKE_BENCH_PG_USER", env("TONGKE_TEST_PG_USER", null)), data);
        }
        System.out.printf("  machine: %d cores, %s %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1048576);
    }

    private static void postgres(String adminUrl, String user, Generated data) throws Exception {
        String name = "catalog_bench_" + System.currentTimeMillis();
        admin(adminUrl, user, "CREATE DATABASE " + name);
        try (CatalogDatabase pg = CatalogDatabase.open(adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), user, null)) {
            run("PostgreSQL", pg, data);
        } finally {
            admin(adminUrl, user, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void run(String label, CatalogDatabase db, Generated data) throws Exception {
        Catalog catalog = new Catalog(db.dataSource(), Clock.systemUTC());
        long start = System.nanoTime();
        for (int i = 0; i < data.archives.size(); i += 1000) {
            catalog.publishAll(data.archives.subList(i, Math.min(i + 1000, data.archives.size())));
        }
        double catalogued = (System.nanoTime() - start) / 1e9;
        Random notes = new Random(5);
        start = System.nanoTime();
        for (long id = 1; id <= data.archives.size(); id += 10) {
            catalog.setNotes(id, pick(notes, NOTES));
        }
        System.out.printf("  %s: catalogued in %.1f s, notes on every tenth in %.1f s%n", label, catalogued,
                (System.nanoTime() - start) / 1e9);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        start = System.nanoTime();
        catalog.search(SearchQuery.all());
        System.out.printf("    first search, which builds the index in memory from the tables: %.1f s%n",
                (System.nanoTime() - start) / 1e9);
        Map<String, Function<Random, SearchQuery>> mix = mix(data);
        Random random = new Random(11);
        List<Function<Random, SearchQuery>> all = new ArrayList<>(mix.values());
        for (int i = 0; i < WARMUP; i++) {
            catalog.search(all.get(i % all.size()).apply(random));
        }
        List<Double> every = new ArrayList<>();
        System.out.printf("    %-40s %8s %8s %10s%n", "query", "p50 ms", "p99 ms", "matches");
        for (Map.Entry<String, Function<Random, SearchQuery>> query : mix.entrySet()) {
            double[] ms = new double[RUNS_PER_QUERY];
            long matches = 0;
            for (int i = 0; i < RUNS_PER_QUERY; i++) {
                SearchQuery q = query.getValue().apply(random);
                long t0 = System.nanoTime();
                matches += catalog.search(q).total();
                ms[i] = (System.nanoTime() - t0) / 1e6;
                every.add(ms[i]);
            }
            Arrays.sort(ms);
            System.out.printf("    %-40s %8.1f %8.1f %10d%n", query.getKey(), pct(ms, 50), pct(ms, 99),
                    matches / RUNS_PER_QUERY);
        }
        double[] ms = every.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("    %-40s %8.1f %8.1f   (%d searches)%n", "all of the mix", pct(ms, 50), pct(ms, 99), ms.length);
    }

    private static Map<String, Function<Random, SearchQuery>> mix(Generated d) {
        Map<String, Function<Random, SearchQuery>> mix = new LinkedHashMap<>();
        mix.put("subject word (数学)", r -> SearchQuery.text(pick(r, SUBJECTS)));
        mix.put("teacher's name", r -> SearchQuery.text(pick(r, d.teachers)));
        mix.put("part of a school's name", r -> SearchQuery.text(pick(r, PLACES)));
        mix.put("word of the notes", r -> SearchQuery.text(pick(r, NOTES).substring(0, 4)));
        mix.put("two words (grade + subject)", r -> SearchQuery.text(Grades.chinese(1 + r.nextInt(9)) + " " + pick(r, SUBJECTS)));
        mix.put("filters only (subject, grade)", r -> SearchQuery.all()
                .withFilters(null, null, null, pick(r, SUBJECTS), 1 + r.nextInt(9), null, null));
        mix.put("browse everything, newest first", r -> SearchQuery.all());
        mix.put("word + school + one month", r -> {
            LocalDate month = LocalDate.of(2021, 9, 1).plusMonths(r.nextInt(10));
            return SearchQuery.text(pick(r, SUBJECTS)).withFilters(null, null, pick(r, d.schools), null, null, null, null)
                    .withDates(month, month.plusMonths(1).minusDays(1));
        });
        mix.put("word, most viewed, page 5", r -> SearchQuery.text(pick(r, SUBJECTS))
                .withSort(SearchQuery.Sort.VIEWS).withPage(5, 20));
        return mix;
    }

    private static void baseline(Generated data) {
        List<String> texts = data.archives.stream().map(a -> String.join(" | ", SearchText.terms(java.util.stream.Stream.concat(
                java.util.stream.Stream.of(a.getValue().title(), a.getValue().communityName(), a.getValue().subject()),
                a.getValue().rooms().stream().flatMap(x -> java.util.stream.Stream.of(x.schoolName(), x.teacherName()))))))
                .toList();
        Random random = new Random(3);
        double[] ms = new double[RUNS_PER_QUERY];
        long sink = 0;
        for (int i = 0; i < WARMUP + RUNS_PER_QUERY; i++) {
            String word = pick(random, SUBJECTS);
            long t0 = System.nanoTime();
            sink += texts.stream().filter(t -> t.contains(word)).count();
            if (i >= WARMUP) {
                ms[i - WARMUP] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf("  baseline: String.contains over %,d texts in memory: p50 %.1f ms, p99 %.1f ms (%d)%n",
                texts.size(), pct(ms, 50), pct(ms, 99), sink > 0 ? 1 : 0);
    }

    /** What the generator made: the archives with their metadata, and names to search for. */
    private record Generated(List<Map.Entry<ArchivedLesson, LessonMetadata>> archives, int communities,
            List<String> schools, List<String> teachers) {
    }

    private static Generated generate(int lessons, Random r) {
        int communities = 70;
        List<String> schoolIds = new ArrayList<>();
        Map<String, String> schoolNames = new LinkedHashMap<>();
        Map<String, List<String[]>> staff = new LinkedHashMap<>();
        List<String> teacherNames = new ArrayList<>();
        for (int s = 0; s < communities * 3; s++) {
            String id = "s" + s;
            String name = PLACES[s % PLACES.length] + (s / PLACES.length == 0 ? "" : "第" + (s / PLACES.length + 1))
                    + (s % 3 == 0 ? "实验小学" : s % 3 == 1 ? "镇小" : "乡校");
            schoolIds.add(id);
            schoolNames.put(id, name);
            List<String[]> teachers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String teacher = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
                teachers.add(new String[] {"t" + t, teacher});
                teacherNames.add(teacher);
            }
            staff.put(id, teachers);
        }
        LessonKind[] kinds = LessonKind.values();
        LocalDate first = LocalDate.of(2021, 9, 1);
        List<Map.Entry<ArchivedLesson, LessonMetadata>> out = new ArrayList<>(lessons);
        for (int i = 0; i < lessons; i++) {
            int community = r.nextInt(communities);
            String core = schoolIds.get(community * 3);
            String member = schoolIds.get(community * 3 + 1 + r.nextInt(2));
            String subject = pick(r, SUBJECTS);
            int grade = 1 + r.nextInt(9);
            String[] lead = pick(r, staff.get(core));
            String[] assistant = pick(r, staff.get(member));
            String className = Grades.chinese(grade) + "(" + (1 + r.nextInt(4)) + ")班";
            LocalDate date = first.plusDays(r.nextInt(300));
            LocalTime start = LocalTime.of(8 + r.nextInt(8), r.nextBoolean() ? 0 : 30);
            String lessonId = "c" + community + "-" + i + "#1@" + date;
            LessonMetadata m = new LessonMetadata(lessonId, Grades.chinese(grade) + subject, "c" + community,
                    schoolNames.get(core) + "教共体", kinds[r.nextInt(10) < 6 ? 0 : 1 + r.nextInt(3)], subject, grade, date,
                    start, start.plusMinutes(40), List.of(
                            new Room(Room.Role.HOST, core, schoolNames.get(core), "g" + grade, className, lead[0], lead[1]),
                            new Room(Room.Role.RECEIVER, member, schoolNames.get(member), "g" + grade, className,
                                    assistant[0], assistant[1])));
            String folder = "lessons/" + i;
            out.add(Map.entry(new ArchivedLesson(lessonId, core + "/lubo", 2400, 1280, 720, folder + "/poster.jpg",
                    folder + "/thumbs", folder + "/master.m3u8", 300_000_000L, Instant.EPOCH), m));
        }
        return new Generated(out, communities, schoolIds, teacherNames);
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void admin(String url, String user, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
