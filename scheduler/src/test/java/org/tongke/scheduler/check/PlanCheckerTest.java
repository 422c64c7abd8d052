package org.tongke.scheduler.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongke.scheduler.check.TinyPlans.MONDAY;
import static org.tongke.scheduler.check.TinyPlans.NEXT_MONDAY;
import static org.tongke.scheduler.check.TinyPlans.on;
import static org.tongke.scheduler.check.TinyPlans.plan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.County;
import org.tongke.config.testing.TinyCounty;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.PlanJson;
import org.tongke.scheduler.plan.ResearchSession;
import org.tongke.scheduler.plan.WeeklyLesson;

/** A whole plan: a correct one passes, ids are checked, and a large plan is checked quickly. */
class PlanCheckerTest {
    @TempDir
    Path dir;

    County county;
    TinyPlans plans;

    @BeforeEach
    void loadAlignedTinyCounty() {
        county = TinyPlans.alignedCounty(dir);
        plans = new TinyPlans(county);
    }

    private Plan correctPlan() {
        WeeklyLesson math = plans.mathOnMonday();
        WeeklyLesson music = plans.musicOnMonday();
        List<Occurrence> occurrences = List.of(on(math, MONDAY), on(music, MONDAY), on(math, NEXT_MONDAY),
                on(music, NEXT_MONDAY));
        List<ResearchSession> research = List.of(
                plans.research("c1-research-math", 1, ResearchSession.Mode.ONLINE, LocalDate.of(2021, 9, 14),
                        "16:00", "17:00"),
                plans.research("c1-research-music", 1, ResearchSession.Mode.OFFLINE, LocalDate.of(2021, 9, 15),
                        "15:30", "16:30"));
        return plan(List.of(math, music), occurrences, research);
    }

    @Test
    void acceptsACorrectHandBuiltPlanOfTheTinyCounty() {
        assertThat(PlanChecker.check(county, correctPlan())).isEmpty();
    }

    @Test
    void acceptsTheCorrectPlanAgainAfterItsJsonRoundTrip() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        PlanJson.write(correctPlan(), json);

        Plan read = PlanJson.read(new ByteArrayInputStream(json.toByteArray()));

        assertThat(read).isEqualTo(correctPlan());
        assertThat(PlanChecker.check(county, read)).isEmpty();
    }

    @Test
    void reportsLessonsOfTheUnalignedTinyCountyThatFitNoPeriodOfTheRuralSchool() {
        County unaligned = TinyPlans.load(TinyCounty.copyTo(dir.resolve("unaligned")));

        assertThat(PlanChecker.check(unaligned, correctPlan())).extracting(Violation::toString).containsExactly(
                "period c1-math#1: 08:50-09:30 on monday lies inside no period of 祯埠镇小 (it overlaps period 2 (09:00-09:40))",
                "period c1-music#1: 14:20-15:00 on monday lies inside no period of 祯埠镇小"
                        + " (it overlaps period 6 (14:30-15:10))");
    }

    @Test
    void reportsOccurrenceWhoseIdIsNotItsWeeklyLessonAtItsDate() {
        WeeklyLesson math = plans.mathOnMonday();
        Occurrence good = on(math, MONDAY);
        Occurrence misnamed = new Occurrence("c1-math#1@2021-09-07", good.weekly(), good.requirement(), good.community(),
                good.kind(), good.subject(), good.date(), good.timetableDay(), good.start(), good.end(), good.host(),
                good.receivers(), null);

        assertThat(PlanChecker.check(county, plan(math, misnamed))).containsExactly(new Violation(Rule.ID,
                "c1-math#1@2021-09-07", "the occurrence of c1-math#1 on 2021-09-06 must have the id 'c1-math#1@2021-09-06'"));
    }

    @Test
    void reportsTwoWeeklyLessonsWithOneId() {
        WeeklyLesson math = plans.mathOnMonday();

        assertThat(PlanChecker.check(county, plan(List.of(math, math), List.of(), List.of()))).containsExactly(
                new Violation(Rule.ID, "c1-math#1", "more than one weekly lesson has this id"));
    }

    /**
     * 40,000 occurrences of 400 copies of one weekly lesson on a hundred Mondays' worth of dates:
     * a check that compared every pair would take minutes; an indexed one takes well under a second.
     */
    @Test
    void checksTensOfThousandsOfOccurrencesWithoutComparingEveryPair() {
        WeeklyLesson template = plans.mathOnMonday();
        List<WeeklyLesson> weekly = new ArrayList<>();
        List<Occurrence> occurrences = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            WeeklyLesson w = plans.weekly("c1-math", i, template.host(), template.receivers().get(0));
            weekly.add(w);
            for (int week = 0; week < 100; week++) {
                occurrences.add(on(w, MONDAY.plusWeeks(week)));
            }
        }
        PlanChecker checker = new PlanChecker(county);

        long started = System.nanoTime();
        List<Violation> violations = checker.check(plan(weekly, occurrences, List.of()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(violations).filteredOn(v -> v.rule() == Rule.DOUBLE_BOOKING).hasSize(100 * 399 * 6);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }
}
