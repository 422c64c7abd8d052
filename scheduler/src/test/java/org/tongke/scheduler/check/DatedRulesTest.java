package org.tongke.scheduler.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongke.scheduler.check.TinyPlans.MONDAY;
import static org.tongke.scheduler.check.TinyPlans.on;
import static org.tongke.scheduler.check.TinyPlans.plan;
import static org.tongke.scheduler.plan.Participant.Displaces.FREE;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.County;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.WeeklyLesson;

/** The rules of dated occurrences: the calendar, the weekly pattern, dated absences, double bookings. */
class DatedRulesTest {
    private static final LocalDate CHENGXI_EXAM = LocalDate.of(2021, 11, 10);
    private static final LocalDate MAKE_UP_SUNDAY = LocalDate.of(2021, 9, 26);

    @TempDir
    Path dir;

    County county;
    TinyPlans plans;

    @BeforeEach
    void loadAlignedTinyCounty() {
        county = TinyPlans.alignedCounty(dir);
        plans = new TinyPlans(county);
    }

    private static Violation violation(Rule rule, String id, String message) {
        return new Violation(rule, id, message);
    }

    /** 数学 in period 2 of a day without timetable entries: free at both schools. */
    private WeeklyLesson mathOn(DayOfWeek day) {
        plans.day(day);
        return plans.weekly("c1-math", 1, plans.room("chengxi", "g4c1", "wang-fang", 2, FREE),
                plans.room("zhenbu", "g4c1", "chen-jie", 2, FREE));
    }

    @Test
    void acceptsMakeUpDayThatFollowsTheWeekdayOfTheWeeklyLesson() {
        WeeklyLesson math = mathOn(DayOfWeek.THURSDAY);
        Occurrence sunday = new Occurrence(Occurrence.id(math.id(), MAKE_UP_SUNDAY), math.id(), math.requirement(),
                math.community(), math.kind(), math.subject(), MAKE_UP_SUNDAY, DayOfWeek.THURSDAY, math.start(),
                math.end(), math.host(), math.receivers(), null);

        assertThat(PlanChecker.check(county, plan(math, on(math, LocalDate.of(2021, 9, 23)), sunday))).isEmpty();
    }

    @Test
    void reportsOccurrenceOnAnExamDayOfTheHostSchool() {
        WeeklyLesson math = mathOn(DayOfWeek.WEDNESDAY);

        assertThat(PlanChecker.check(county, plan(math, on(math, CHENGXI_EXAM)))).containsExactly(violation(
                Rule.TEACHING_DAY, "c1-math#1@2021-11-10", "2021-11-10 is not a teaching day at 城西小学"));
    }

    @Test
    void reportsOccurrenceClaimingATimetableDayTheSchoolsDoNotFollow() {
        WeeklyLesson math = mathOn(DayOfWeek.THURSDAY);
        Occurrence monday = on(math, LocalDate.of(2021, 9, 27));

        assertThat(PlanChecker.check(county, plan(math, monday))).containsExactly(
                violation(Rule.TEACHING_DAY, monday.id(), "2021-09-27 follows monday's timetable at 城西小学, not thursday's"),
                violation(Rule.TEACHING_DAY, monday.id(), "2021-09-27 follows monday's timetable at 祯埠镇小, not thursday's"));
    }

    @Test
    void reportsOccurrenceOnAnotherWeekdayThanItsWeeklyLessonAndJudgesItsRoomsOnThatDay() {
        WeeklyLesson math = plans.mathOnMonday();
        Occurrence thursday = on(math, LocalDate.of(2021, 9, 23), DayOfWeek.THURSDAY, "08:50", "09:30");

        assertThat(PlanChecker.check(county, plan(math, thursday))).containsExactly(
                violation(Rule.WEEKLY_PATTERN, thursday.id(),
                        "follows thursday's timetable, but weekly lesson c1-math#1 is on monday"),
                violation(Rule.DISPLACES, thursday.id(), "四年级(1)班 of 城西小学 has nothing (空) in period 2 on thursday,"
                        + " but the plan says the lesson displaces same-subject"),
                violation(Rule.DISPLACES, thursday.id(), "四年级(1)班 of 祯埠镇小 has nothing (空) in period 2 on thursday,"
                        + " but the plan says the lesson displaces same-subject"));
    }

    @Test
    void reportsOccurrenceTimesThatDifferFromItsWeeklyLesson() {
        WeeklyLesson math = plans.mathOnMonday();
        Occurrence early = on(math, MONDAY, DayOfWeek.MONDAY, "08:50", "09:25");

        assertThat(PlanChecker.check(county, plan(math, early))).containsExactly(
                violation(Rule.WEEKLY_PATTERN, early.id(), "runs 08:50-09:25, but weekly lesson c1-math#1 runs 08:50-09:30"),
                violation(Rule.REQUIREMENT, early.id(), "lasts 35 minutes (08:50-09:25), but c1-math asks for 40"));
    }

    @Test
    void reportsOccurrenceOfAWeeklyLessonThePlanDoesNotHave() {
        WeeklyLesson math = plans.mathOnMonday();
        Plan orphan = plan(List.of(), List.of(on(math, MONDAY)), List.of());

        assertThat(PlanChecker.check(county, orphan)).containsExactly(violation(Rule.WEEKLY_PATTERN,
                "c1-math#1@2021-09-06", "belongs to weekly lesson 'c1-math#1', which is not in the plan"));
    }

    @Test
    void reportsAssistantTeacherUnavailableOnTheDate() {
        county = TinyPlans.load(TinyPlans.alignedTiny(dir.resolve("away")).edit(TinyPlans.ZHENBU,
                "  - {id: chen-jie, name: 陈杰, subjects: [数学, 语文]}",
                "  - id: chen-jie\n    name: 陈杰\n    subjects: [数学, 语文]\n"
                        + "    unavailable:\n      - {date: 2021-09-13, reason: 县里培训}"));
        plans = new TinyPlans(county);
        WeeklyLesson math = plans.mathOnMonday();

        assertThat(PlanChecker.check(county, plan(math, on(math, MONDAY), on(math, TinyPlans.NEXT_MONDAY))))
                .containsExactly(violation(Rule.UNAVAILABLE, "c1-math#1@2021-09-13",
                        "陈杰 of 祯埠镇小 is unavailable all day on 2021-09-13 (县里培训)"));
    }

    @Test
    void reportsEveryTeacherClassAndRoomOfTwoOverlappingOccurrences() {
        WeeklyLesson first = plans.mathOnMonday();
        WeeklyLesson second = plans.weekly("c1-math", 2, first.host(), first.receivers().get(0));
        Plan plan = plan(List.of(first, second), List.of(on(first, MONDAY), on(second, MONDAY)), List.of());
        String both = " c1-math#1@2021-09-06 (08:50-09:30) and c1-math#2@2021-09-06 (08:50-09:30) at once";

        assertThat(PlanChecker.check(county, plan)).containsExactlyInAnyOrder(
                violation(Rule.DOUBLE_BOOKING, "c1-math#2@2021-09-06", "王芳 of 城西小学 is in" + both),
                violation(Rule.DOUBLE_BOOKING, "c1-math#2@2021-09-06", "陈杰 of 祯埠镇小 is in" + both),
                violation(Rule.DOUBLE_BOOKING, "c1-math#2@2021-09-06", "四年级(1)班 of 城西小学 is in" + both),
                violation(Rule.DOUBLE_BOOKING, "c1-math#2@2021-09-06", "四年级(1)班 of 祯埠镇小 is in" + both),
                violation(Rule.DOUBLE_BOOKING, "c1-math#2@2021-09-06", "录播教室 of 城西小学 holds" + both),
                violation(Rule.DOUBLE_BOOKING, "c1-math#2@2021-09-06", "录播教室 of 祯埠镇小 holds" + both));
    }

    @Test
    void acceptsTwoLessonsInOneRecordingClassroomInSuccessivePeriods() {
        WeeklyLesson math = mathOn(DayOfWeek.WEDNESDAY);
        WeeklyLesson music = plans.weekly("c1-music", 1, plans.room("chengxi", "g4c2", "zhao-lei", 3, FREE),
                plans.room("zhenbu", "g4c1", "liu-yang", 3, FREE));
        LocalDate wednesday = LocalDate.of(2021, 9, 8);

        assertThat(PlanChecker.check(county,
                plan(List.of(math, music), List.of(on(math, wednesday), on(music, wednesday)), List.of()))).isEmpty();
    }
}
