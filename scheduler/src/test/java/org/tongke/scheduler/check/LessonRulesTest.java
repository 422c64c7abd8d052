package org.tongke.scheduler.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongke.scheduler.check.TinyPlans.MONDAY;
import static org.tongke.scheduler.check.TinyPlans.on;
import static org.tongke.scheduler.check.TinyPlans.plan;
import static org.tongke.scheduler.plan.Participant.Displaces.FREE;
import static org.tongke.scheduler.plan.Participant.Displaces.SAME_SUBJECT;
import static org.tongke.scheduler.plan.Participant.Displaces.SELF_STUDY;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.County;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.WeeklyLesson;

/** The rules of the weekly pattern: periods, own timetables, classrooms, teachers, requirements. */
class LessonRulesTest {
    @TempDir
    Path dir;

    County county;
    TinyPlans plans;

    @BeforeEach
    void loadAlignedTinyCounty() {
        county = TinyPlans.alignedCounty(dir);
        plans = new TinyPlans(county);
    }

    private List<Violation> check(WeeklyLesson weekly) {
        return PlanChecker.check(county, plan(weekly, on(weekly, MONDAY.plusDays(weekly.day().ordinal()))));
    }

    private static Violation violation(Rule rule, String id, String message) {
        return new Violation(rule, id, message);
    }

    @Test
    void reportsLessonThatLiesInsideNoPeriodOfAReceivingSchool() {
        plans.day(DayOfWeek.WEDNESDAY);
        Participant zhenbu = plans.room("zhenbu", "g4c1", "chen-jie", 5, FREE);
        WeeklyLesson math = plans.weekly("c1-math", 1, plans.room("chengxi", "g4c1", "wang-fang", 5, FREE), zhenbu);

        assertThat(check(math)).containsExactly(violation(Rule.PERIOD, "c1-math#1",
                "13:30-14:10 on wednesday lies inside no period of 祯埠镇小 (it overlaps period 5 (13:40-14:20))"));
    }

    @Test
    void reportsParticipantNamingAnotherPeriodThanTheOneTheLessonTakes() {
        Participant wrong = plans.room("zhenbu", "g4c1", "chen-jie", 3, SAME_SUBJECT);
        WeeklyLesson math = plans.weekly("c1-math", 1, plans.mathOnMonday().host(), wrong);

        assertThat(check(math)).containsExactly(violation(Rule.PERIOD, "c1-math#1",
                "names period 3 (10:00-10:40) at 祯埠镇小, but 08:50-09:30 on monday is period 2 (08:50-09:30) there"));
    }

    @Test
    void reportsReceivingClassWhoseOwnPeriodIsAnotherSubject() {
        plans.day(DayOfWeek.TUESDAY);
        WeeklyLesson math = plans.weekly("c1-math", 1, plans.room("chengxi", "g4c1", "wang-fang", 3, SELF_STUDY),
                plans.room("zhenbu", "g4c1", "chen-jie", 3, FREE));

        assertThat(check(math)).containsExactly(violation(Rule.OWN_PERIOD, "c1-math#1",
                "四年级(1)班 of 祯埠镇小 has 英语 in period 3 on tuesday, which the lesson would take"));
    }

    @Test
    void reportsDisplacesThatDoesNotSayWhatTheTimetableHas() {
        Participant receiver = plans.room("zhenbu", "g4c1", "chen-jie", 2, SELF_STUDY);
        WeeklyLesson math = plans.weekly("c1-math", 1, plans.mathOnMonday().host(), receiver);

        assertThat(check(math)).containsExactly(violation(Rule.DISPLACES, "c1-math#1",
                "四年级(1)班 of 祯埠镇小 has 数学 in period 2 on monday, but the plan says the lesson displaces self-study"));
    }

    @Test
    void reportsClassroomThatIsNotARecordingClassroom() {
        WeeklyLesson good = plans.mathOnMonday();
        WeeklyLesson math = plans.weekly("c1-math", 1, good.host(), TinyPlans.inClassroom(good.receivers().get(0), "r4"));

        assertThat(check(math)).containsExactly(violation(Rule.CLASSROOM, "c1-math#1",
                "四年级教室 of 祯埠镇小 is not a recording classroom"));
    }

    @Test
    void reportsClassroomTheSchoolDoesNotHave() {
        WeeklyLesson good = plans.mathOnMonday();
        WeeklyLesson math = plans.weekly("c1-math", 1, TinyPlans.inClassroom(good.host(), "gym"), good.receivers().get(0));

        assertThat(check(math)).containsExactly(violation(Rule.CLASSROOM, "c1-math#1",
                "names classroom 'gym', which 城西小学 does not have"));
    }

    @Test
    void reportsLeadTeacherTeachingAnotherClassInThePeriodTheLessonTakes() {
        WeeklyLesson music = plans.weekly("c1-music", 1, plans.room("chengxi", "g4c2", "zhao-lei", 3, SELF_STUDY),
                plans.room("zhenbu", "g4c1", "liu-yang", 3, SELF_STUDY));

        assertThat(check(music)).containsExactly(violation(Rule.TIMETABLE_CLASH, "c1-music#1",
                "赵磊 of 城西小学 teaches 英语 to 四年级(1)班 of 城西小学 in period 3 on monday, which the lesson takes"));
    }

    @Test
    void reportsLeadTeacherUnavailableOnThatWeekday() {
        plans.day(DayOfWeek.WEDNESDAY);
        WeeklyLesson music = plans.weekly("c1-music", 1, plans.room("chengxi", "g4c2", "zhao-lei", 6, FREE),
                plans.room("zhenbu", "g4c1", "liu-yang", 6, FREE));

        assertThat(check(music)).containsExactly(violation(Rule.UNAVAILABLE, "c1-music#1",
                "赵磊 of 城西小学 is unavailable on wednesday in periods 5, 6 (教研活动), and the lesson takes period 6"));
    }

    @Test
    void reportsAssistantTeacherOtherThanTheRequirementNames() {
        Participant receiver = plans.room("zhenbu", "g4c1", "liu-yang", 2, SAME_SUBJECT);
        WeeklyLesson math = plans.weekly("c1-math", 1, plans.mathOnMonday().host(), receiver);

        assertThat(check(math)).containsExactly(violation(Rule.REQUIREMENT, "c1-math#1",
                "c1-math's assistant teacher for 四年级(1)班 of 祯埠镇小 is 陈杰 of 祯埠镇小, not 刘洋 of 祯埠镇小"));
    }

    @Test
    void reportsLeadTeacherWhoIsNotTheRequirementsAndDoesNotTeachTheSubject() {
        plans.day(DayOfWeek.WEDNESDAY);
        WeeklyLesson math = plans.weekly("c1-math", 1, plans.room("chengxi", "g4c1", "li-hua", 2, FREE),
                plans.room("zhenbu", "g4c1", "chen-jie", 2, FREE));

        assertThat(check(math)).containsExactly(
                violation(Rule.REQUIREMENT, "c1-math#1", "c1-math's lead teacher is 王芳 of 城西小学, not 李华 of 城西小学"),
                violation(Rule.REQUIREMENT, "c1-math#1", "李华 of 城西小学 does not teach 数学 (teaches 语文)"));
    }

    @Test
    void reportsReceivingClassTheConfigurationDoesNotHave() {
        Participant unknown = plans.room("zhenbu", "g9c9", "chen-jie", 2, FREE);
        WeeklyLesson math = plans.weekly("c1-math", 1, plans.mathOnMonday().host(), unknown);

        assertThat(check(math)).containsExactly(
                violation(Rule.REQUIREMENT, "c1-math#1", "names class 'g9c9' at 祯埠镇小, which is not in the configuration"),
                violation(Rule.REQUIREMENT, "c1-math#1", "c1-math's receiving class 四年级(1)班 of 祯埠镇小 is missing"),
                violation(Rule.REQUIREMENT, "c1-math#1",
                        "class 'g9c9' of 祯埠镇小 receives the lesson, but c1-math does not name it"),
                violation(Rule.TIMETABLE_CLASH, "c1-math#1",
                        "陈杰 of 祯埠镇小 teaches 数学 to 四年级(1)班 of 祯埠镇小 in period 2 on monday, which the lesson takes"));
    }

    @Test
    void reportsLessonShorterThanItsRequirementAndSubjectItDoesNotAskFor() {
        WeeklyLesson good = plans.mathOnMonday();
        WeeklyLesson math = new WeeklyLesson(good.id(), good.requirement(), good.community(), good.kind(), "语文",
                good.day(), good.start(), LocalTime.of(9, 20), good.host(), good.receivers());

        assertThat(PlanChecker.check(county, plan(List.of(math), List.of(), List.of()))).containsExactly(
                violation(Rule.REQUIREMENT, "c1-math#1", "has subject 语文, but c1-math has 数学"),
                violation(Rule.REQUIREMENT, "c1-math#1", "lasts 30 minutes (08:50-09:20), but c1-math asks for 40"),
                violation(Rule.OWN_PERIOD, "c1-math#1",
                        "四年级(1)班 of 城西小学 has 数学 in period 2 on monday, which the lesson would take"),
                violation(Rule.OWN_PERIOD, "c1-math#1",
                        "四年级(1)班 of 祯埠镇小 has 数学 in period 2 on monday, which the lesson would take"));
    }

    @Test
    void reportsWeeklyLessonOfARequirementTheConfigurationDoesNotHave() {
        WeeklyLesson good = plans.mathOnMonday();
        WeeklyLesson math = new WeeklyLesson("c1-physics#1", "c1-physics", good.community(), good.kind(), good.subject(),
                good.day(), good.start(), good.end(), good.host(), good.receivers());

        assertThat(PlanChecker.check(county, plan(List.of(math), List.of(), List.of()))).containsExactly(
                violation(Rule.REQUIREMENT, "c1-physics#1",
                        "names lesson requirement 'c1-physics', which is not in the configuration"));
    }
}
