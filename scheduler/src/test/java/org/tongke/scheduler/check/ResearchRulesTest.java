package org.tongke.scheduler.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongke.scheduler.check.TinyPlans.MONDAY;
import static org.tongke.scheduler.check.TinyPlans.NEXT_MONDAY;
import static org.tongke.scheduler.check.TinyPlans.on;
import static org.tongke.scheduler.check.TinyPlans.plan;
import static org.tongke.scheduler.plan.ResearchSession.Mode.OFFLINE;
import static org.tongke.scheduler.plan.ResearchSession.Mode.ONLINE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.County;
import org.tongke.config.requirement.TeacherRef;
import org.tongke.scheduler.plan.ResearchSession;
import org.tongke.scheduler.plan.WeeklyLesson;

/** The rules of teaching-research sessions: teaching days, the participants' lessons, the order. */
class ResearchRulesTest {
    private static final LocalDate CHENGXI_EXAM = LocalDate.of(2021, 11, 10);
    private static final LocalDate TUESDAY = LocalDate.of(2021, 9, 14);

    @TempDir
    Path dir;

    County county;
    TinyPlans plans;
    WeeklyLesson math;

    @BeforeEach
    void loadAlignedTinyCountyWithTwoMondaysOfMath() {
        county = TinyPlans.alignedCounty(dir);
        plans = new TinyPlans(county);
        math = plans.mathOnMonday();
    }

    private List<Violation> check(ResearchSession session) {
        return PlanChecker.check(county, plan(List.of(math), List.of(on(math, MONDAY), on(math, NEXT_MONDAY)),
                List.of(session)));
    }

    private ResearchSession mathResearch(ResearchSession.Mode mode, LocalDate date, String start, String end) {
        return plans.research("c1-research-math", 1, mode, date, start, end);
    }

    private static Violation violation(Rule rule, String message) {
        return new Violation(rule, "c1-research-math#1", message);
    }

    @Test
    void reportsOfflineResearchOnADayAParticipantsSchoolDoesNotTeach() {
        assertThat(check(mathResearch(OFFLINE, CHENGXI_EXAM, "15:30", "16:30"))).containsExactly(
                violation(Rule.RESEARCH_DAY, "offline research on 2021-11-10, which is not a teaching day at 城西小学"));
    }

    @Test
    void acceptsOnlineResearchOnADayASchoolDoesNotTeach() {
        assertThat(check(mathResearch(ONLINE, CHENGXI_EXAM, "15:30", "16:30"))).isEmpty();
    }

    @Test
    void reportsResearchDuringALessonOfThePlanThatParticipantsTakePartIn() {
        assertThat(check(mathResearch(ONLINE, NEXT_MONDAY, "09:00", "10:00"))).containsExactly(
                violation(Rule.RESEARCH_CLASH,
                        "王芳 of 城西小学 is in lesson c1-math#1@2021-09-13 (08:50-09:30) during the session (09:00-10:00)"),
                violation(Rule.RESEARCH_CLASH,
                        "陈杰 of 祯埠镇小 is in lesson c1-math#1@2021-09-13 (08:50-09:30) during the session (09:00-10:00)"));
    }

    @Test
    void reportsResearchDuringPeriodsTheParticipantsTeachInTheirOwnTimetables() {
        assertThat(check(mathResearch(ONLINE, TUESDAY, "08:00", "08:30"))).containsExactly(
                violation(Rule.RESEARCH_CLASH, "王芳 of 城西小学 teaches 数学 to 四年级(1)班 of 城西小学 in period"
                        + " 1 (08:00-08:40) on 2021-09-14 during the session (08:00-08:30)"),
                violation(Rule.RESEARCH_CLASH, "陈杰 of 祯埠镇小 teaches 数学 to 四年级(1)班 of 祯埠镇小 in period"
                        + " 1 (08:00-08:40) on 2021-09-14 during the session (08:00-08:30)"));
    }

    @Test
    void reportsResearchBeforeTheFirstLessonItFollows() {
        assertThat(check(mathResearch(ONLINE, LocalDate.of(2021, 9, 3), "16:00", "17:00"))).containsExactly(
                violation(Rule.RESEARCH_ORDER, "is on 2021-09-03, before the first lesson of c1-math ends (2021-09-06 09:30)"));
    }

    @Test
    void acceptsResearchLaterOnTheDayOfTheFirstLesson() {
        assertThat(check(mathResearch(OFFLINE, MONDAY, "16:00", "17:00"))).isEmpty();
    }

    @Test
    void reportsResearchFollowingALessonThatHasNoOccurrence() {
        ResearchSession music = plans.research("c1-research-music", 1, ONLINE, TUESDAY, "16:00", "17:00");

        assertThat(check(music)).containsExactly(new Violation(Rule.RESEARCH_ORDER, "c1-research-music#1",
                "follows c1-music, which has no lesson in the plan"));
    }

    @Test
    void reportsResearchParticipantTheRequirementDoesNotName() {
        ResearchSession named = mathResearch(ONLINE, TUESDAY, "16:00", "17:00");
        ResearchSession withLiHua = new ResearchSession(named.id(), named.requirement(), named.community(),
                named.subject(), named.mode(), named.date(), named.start(), named.end(), named.location(),
                List.of(new TeacherRef("chengxi", "wang-fang"), new TeacherRef("chengxi", "li-hua")), named.follows());

        assertThat(check(withLiHua)).containsExactly(
                violation(Rule.REQUIREMENT, "李华 of 城西小学 takes part, but c1-research-math does not name them"));
    }
}
