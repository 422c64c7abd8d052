package org.tongke.scheduler.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.County;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;
import org.tongke.scheduler.check.PlanChecker;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.PairingCompliance;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchSession;
import org.tongke.scheduler.solver.TimetableSolver;

class SchedulerServiceTest {
    private static final TimetableSolver.Limits TEN_SECONDS = TimetableSolver.Limits.of(Duration.ofSeconds(10));

    private static County qingtian;
    private static Plan qingtianPlan;

    @BeforeAll
    static void solveQingtian() {
        qingtian = CountyValidator.validate(Path.of("..", "samples", "qingtian")).orThrow();
        qingtianPlan = new SchedulerService(qingtian).solve(TEN_SECONDS, Map.of(), progress -> { });
    }

    @Test
    void qingtianPlanBreaksNoHardRule() {
        assertThat(PlanChecker.check(qingtian, qingtianPlan)).isEmpty();
        assertThat(qingtianPlan.score()).startsWith("0hard/");
    }

    @Test
    void everyMergedAndCoBuiltPairingOfQingtianMeetsItsYearlyTargets() {
        assertThat(qingtianPlan.compliance()).filteredOn(c -> c.type() != CommunityType.COLLABORATIVE)
                .hasSize(25).allSatisfy(c -> assertThat(c.shortfalls()).as(c.supporting() + " -> " + c.receiving()).isEmpty())
                .allMatch(PairingCompliance::meetsTargets);
    }

    @Test
    void lessonsThatFitNoCommonPeriodAreUnplacedWithTheSchoolAndClassNamed() {
        assertThat(qingtianPlan.unplaced()).extracting(u -> u.weekly())
                .containsExactly("qt-18-master-g7#1", "qt-18-research-shuxue", "qt-19-master-g9#1",
                        "qt-19-research-yuwen", "qt-22-master-g1#1", "qt-22-research-shuxue");
        assertThat(qingtianPlan.unplaced().get(0).reason())
                .isEqualTo("七年级(1)班 of 船寮镇中 has no period that shares 45 minutes with a period of 青田二中 on any teaching day");
    }

    @Test
    void researchSessionsComeAfterTheLessonsTheyDiscuss() {
        for (ResearchSession session : qingtianPlan.research()) {
            for (String follows : session.follows()) {
                LocalDate firstInTerm = qingtianPlan.occurrences().stream()
                        .filter(o -> o.requirement().equals(follows))
                        .map(Occurrence::date)
                        .filter(d -> sameTerm(d, session.date()))
                        .min(LocalDate::compareTo).orElse(LocalDate.MIN);
                assertThat(session.date()).as(session.id()).isAfter(firstInTerm);
            }
        }
    }

    private static boolean sameTerm(LocalDate a, LocalDate b) {
        return qingtian.calendar().terms().stream().anyMatch(t -> t.contains(a) && t.contains(b));
    }

    @Test
    void lessonNeverFallsOnAnExamDayOfOneOfItsSchools(@TempDir Path dir) {
        TinyCounty tiny = TinyCounty.copyTo(dir);
        // Ring zhenbu's afternoon with chengxi's, so that a 40-minute lesson fits both.
        tiny.edit("schools/zhenbu.yaml", "{start: \"13:40\", end: \"14:20\"}", "{start: \"13:30\", end: \"14:10\"}");
        County county = CountyValidator.validate(dir).orThrow();

        Plan plan = new SchedulerService(county).solve(TEN_SECONDS, Map.of(), progress -> { });

        assertThat(plan.unplaced()).isEmpty();
        assertThat(PlanChecker.check(county, plan)).isEmpty();
        assertThat(plan.occurrences()).extracting(Occurrence::date)
                .doesNotContain(LocalDate.of(2021, 11, 10), LocalDate.of(2021, 11, 11), LocalDate.of(2021, 10, 4));
        assertThat(plan.cancellations()).anySatisfy(c -> assertThat(c.reason()).contains("期中考试 at 城西小学"));
        assertThat(plan.weekly()).allSatisfy(w -> assertThat(w.start()).isEqualTo(java.time.LocalTime.of(13, 30)));
    }

    @Test
    void swapsAReceivingClassesOtherLessonAwayWhenNoOtherTimeIsOpenAndTheRequirementAllowsIt(@TempDir Path dir) {
        TinyCounty tiny = TinyCounty.copyTo(dir);
        tiny.edit("schools/zhenbu.yaml", "{start: \"13:40\", end: \"14:20\"}", "{start: \"13:30\", end: \"14:10\"}");
        // 祯埠镇小 四年级(1)班 has another subject at 13:30 every day: only a swap opens a time.
        tiny.edit("schools/zhenbu.yaml", "自习, 英语 liu-yang, 音乐 liu-yang, 空]", "自习, 英语 liu-yang, 英语 liu-yang, 空]");
        tiny.edit("schools/zhenbu.yaml", "英语 liu-yang, 自习, 空, 自习]", "英语 liu-yang, 自习, 数学 chen-jie, 自习]");
        String more = String.join("", java.util.List.of("wednesday", "thursday", "friday").stream()
                .map(day -> "  - {class: g4c1, day: " + day + ", from: 5, periods: [语文 chen-jie]}\n").toList());
        tiny.write("schools/zhenbu.yaml", tiny.read("schools/zhenbu.yaml") + more);
        County county = CountyValidator.validate(dir).orThrow();

        Plan plan = new SchedulerService(county).solve(TEN_SECONDS, Map.of(), progress -> { });

        assertThat(plan.unplaced()).extracting(u -> u.weekly()).contains("c1-math#1");
        assertThat(plan.weekly()).singleElement().satisfies(music -> {
            assertThat(music.requirement()).isEqualTo("c1-music");
            assertThat(music.receivers().get(0).displaces()).isEqualTo(org.tongke.scheduler.plan.Participant.Displaces.SWAPPED);
            assertThat(music.receivers().get(0).swap()).isNotNull();
        });
        assertThat(PlanChecker.check(county, plan)).isEmpty();
    }

    @Test
    void tinyCountyLessonsOfFortyMinutesFindNoCommonPeriod(@TempDir Path dir) {
        County county = CountyValidator.validate(TinyCounty.copyTo(dir).dir()).orThrow();

        Plan plan = new SchedulerService(county).solve(TEN_SECONDS, Map.of(), progress -> { });

        assertThat(plan.weekly()).isEmpty();
        assertThat(plan.unplaced()).filteredOn(u -> u.weekly().contains("#")).extracting(u -> u.reason()).containsOnly(
                "四年级(1)班 of 祯埠镇小 has no period that shares 40 minutes with a period of 城西小学 on any teaching day");
        assertThat(plan.research()).isEmpty();
        assertThat(plan.compliance()).singleElement().satisfies(c -> assertThat(c.shortfalls())
                .contains("0 of 20 synchronized lessons", "0 of 2 subjects"));
    }
}
