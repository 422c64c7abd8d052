package org.tongke.scheduler.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.County;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;
import org.tongke.scheduler.check.PlanChecker;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.WeeklyLesson;
import org.tongke.scheduler.publish.SchedulerService;
import org.tongke.scheduler.solver.TimetableSolver;

class ManualMoveTest {
    @TempDir
    Path dir;

    private County alignedTinyCounty() {
        TinyCounty tiny = TinyCounty.copyTo(dir);
        tiny.edit("schools/zhenbu.yaml", "{start: \"13:40\", end: \"14:20\"}", "{start: \"13:30\", end: \"14:10\"}");
        return CountyValidator.validate(dir).orThrow();
    }

    private static Plan solve(County county) {
        return new SchedulerService(county).solve(TimetableSolver.Limits.of(Duration.ofSeconds(5)), Map.of(), p -> { });
    }

    @Test
    void movesALessonToAnotherFreeTimeAndReDatesIt() {
        County county = alignedTinyCounty();
        Plan plan = solve(county);
        WeeklyLesson math = plan.weekly().stream().filter(w -> w.requirement().equals("c1-math")).findFirst().orElseThrow();
        DayOfWeek other = java.util.stream.Stream.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.WEDNESDAY)
                .filter(d -> plan.weekly().stream().noneMatch(w -> w.day() == d)).findFirst().orElseThrow();

        ManualMove.Result result = new ManualMove(county).move(plan, math.id(), other, LocalTime.of(13, 30));

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.plan().weekly()).filteredOn(w -> w.id().equals(math.id()))
                .singleElement().satisfies(w -> assertThat(w.day()).isEqualTo(other));
        assertThat(result.plan().occurrences()).filteredOn(o -> o.weekly().equals(math.id()))
                .isNotEmpty().allSatisfy(o -> assertThat(o.timetableDay()).isEqualTo(other));
        assertThat(PlanChecker.check(county, result.plan())).isEmpty();
    }

    @Test
    void aMoveKeepsTheRecordedAbsencesOfItsTeacher() {
        County county = alignedTinyCounty();
        Plan plan = solve(county);
        WeeklyLesson math = plan.weekly().stream().filter(w -> w.requirement().equals("c1-math")).findFirst().orElseThrow();
        java.time.LocalDate day = plan.occurrences().stream().filter(o -> o.weekly().equals(math.id()))
                .map(o -> o.date()).filter(d -> d.isAfter(java.time.LocalDate.of(2021, 11, 1))).findFirst().orElseThrow();
        Absence away = new Absence(Absence.Kind.TEACHER, "chengxi", "wang-fang", day, day.plusDays(6), "外出培训");
        Plan withAbsence = new Replanner(county).replan(plan, java.util.List.of(away)).plan();

        ManualMove.Result result = new ManualMove(county).move(withAbsence, math.id(), math.day(), math.start(),
                java.util.List.of(away));

        assertThat(result.plan().occurrences()).noneMatch(o -> o.weekly().equals(math.id()) && away.covers(o.date()));
        assertThat(PlanChecker.check(county, result.plan())).isEmpty();
    }

    @Test
    void refusesATimeThatIsNotInsideAPeriodOfEverySchool() {
        County county = alignedTinyCounty();
        Plan plan = solve(county);

        ManualMove.Result result = new ManualMove(county).move(plan, plan.weekly().get(0).id(), DayOfWeek.MONDAY,
                LocalTime.of(8, 5));

        assertThat(result.accepted()).isFalse();
        assertThat(result.conflicts()).containsExactly(
                "at monday 08:05 the 40-minute lesson does not lie inside a period of every one of 城西小学, 祯埠镇小");
    }

    @Test
    void refusesATimeWhenAClassHasAnotherSubjectThen() {
        County county = alignedTinyCounty();
        Plan plan = solve(county);
        WeeklyLesson math = plan.weekly().stream().filter(w -> w.requirement().equals("c1-math")).findFirst().orElseThrow();

        ManualMove.Result result = new ManualMove(county).move(plan, math.id(), DayOfWeek.MONDAY, LocalTime.of(13, 30));

        assertThat(result.accepted()).isFalse();
        assertThat(result.conflicts()).containsExactly("四年级(1)班 of 城西小学 has 音乐 then");
    }

    @Test
    void reportsTheClassDoubleBookedByAMoveOntoAnotherLesson() {
        County county = alignedTinyCounty();
        Plan plan = solve(county);
        WeeklyLesson math = plan.weekly().stream().filter(w -> w.requirement().equals("c1-math")).findFirst().orElseThrow();
        WeeklyLesson music = plan.weekly().stream().filter(w -> w.requirement().equals("c1-music")).findFirst().orElseThrow();

        ManualMove.Result result = new ManualMove(county).move(plan, math.id(), music.day(), music.start());

        assertThat(result.accepted()).isFalse();
        assertThat(result.conflicts()).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("double-booking")
                .containsPattern("more dates\\)$"));
        assertThat(result.conflicts()).anySatisfy(c -> assertThat(c).contains("四年级(1)班 of 祯埠镇小 is in c1-math#1@"));
    }
}
