package org.tongke.scheduler.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongke.scheduler.check.TinyPlans.ENGLISH_TO_THURSDAY;
import static org.tongke.scheduler.check.TinyPlans.MONDAY;
import static org.tongke.scheduler.check.TinyPlans.ZHENBU;
import static org.tongke.scheduler.check.TinyPlans.on;
import static org.tongke.scheduler.check.TinyPlans.plan;
import static org.tongke.scheduler.plan.Participant.Displaces.FREE;
import static org.tongke.scheduler.plan.Participant.Displaces.SAME_SUBJECT;
import static org.tongke.scheduler.plan.Participant.Displaces.SELF_STUDY;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.County;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Participant.Displaces;
import org.tongke.scheduler.plan.Participant.Swap;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.PlanJson;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * Swaps (调课): c1-music (allowSwap) takes 祯埠镇小 四年级(1)班's tuesday period 3, its 英语 with
 * 刘洋, which moves to a free period; each rule is broken on its own.
 */
class SwapRulesTest {
    private static final String TO_THURSDAY_2 =
            "the swap moves 英语 of 四年级(1)班 of 祯埠镇小 to period 2 (08:50-09:30) on thursday";

    @TempDir
    Path dir;

    County county;
    TinyPlans plans;

    @BeforeEach
    void loadSwapCounty() {
        county = TinyPlans.swapCounty(dir);
        plans = new TinyPlans(county);
    }

    /** The weekly lessons, each with its occurrence in the first week of term. */
    private List<Violation> check(WeeklyLesson... weekly) {
        List<Occurrence> week = Stream.of(weekly).map(w -> on(w, MONDAY.plusDays(w.day().ordinal()))).toList();
        return PlanChecker.check(county, plan(List.of(weekly), week, List.of()));
    }

    /** c1-music on tuesday in period 3, its receiving room swapping as told. */
    private WeeklyLesson musicSwapping(Swap swap) {
        plans.day(DayOfWeek.TUESDAY);
        return plans.weekly("c1-music", 1, plans.room("chengxi", "g4c2", "zhao-lei", 3, SAME_SUBJECT),
                plans.swapped("zhenbu", "g4c1", "liu-yang", 3, swap));
    }

    /** c1-math on thursday in period 2, free for both classes. */
    private WeeklyLesson mathOnThursday() {
        plans.day(DayOfWeek.THURSDAY);
        return plans.weekly("c1-math", 1, plans.room("chengxi", "g4c1", "wang-fang", 2, FREE),
                plans.room("zhenbu", "g4c1", "chen-jie", 2, FREE));
    }

    private static Violation swap(String id, String message) {
        return new Violation(Rule.SWAP, id, message);
    }

    @Test
    void acceptsSwapThatMovesTheReceivingClassesEnglishToAFreeThursdayPeriod() {
        assertThat(check(plans.musicSwappingEnglish(), plans.mathOnMonday())).isEmpty();
    }

    @Test
    void acceptsSwapIntoASelfStudyPeriodOfTheSameDay() {
        assertThat(check(musicSwapping(new Swap(DayOfWeek.TUESDAY, 4, "英语", "liu-yang")))).isEmpty();
    }

    @Test
    void acceptsTheSwapAgainAfterItsJsonRoundTrip() throws IOException {
        WeeklyLesson music = plans.musicSwappingEnglish();
        Plan plan = plan(music, on(music, TinyPlans.TUESDAY));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        PlanJson.write(plan, json);

        Plan read = PlanJson.read(new ByteArrayInputStream(json.toByteArray()));

        assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"displaces\" : \"swapped\"",
                "\"day\" : \"thursday\"", "\"teacher\" : \"liu-yang\"");
        assertThat(read).isEqualTo(plan);
        assertThat(PlanChecker.check(county, read)).isEmpty();
    }

    @Test
    void reportsSwapInTheHostRoom() {
        plans.day(DayOfWeek.TUESDAY);
        Participant host = TinyPlans.withSwap(plans.room("chengxi", "g4c2", "zhao-lei", 3, SAME_SUBJECT),
                new Swap(DayOfWeek.THURSDAY, 2, "音乐", "zhao-lei"));
        WeeklyLesson music = plans.weekly("c1-music", 1, host, plans.musicSwappingEnglish().receivers().get(0));

        assertThat(check(music)).containsExactly(swap("c1-music#1",
                "四年级(2)班 of 城西小学 hosts the lesson, so its period cannot be swapped; only a receiving class's can"));
    }

    @Test
    void reportsSwapForARequirementThatDoesNotAllowSwaps() {
        plans.day(DayOfWeek.TUESDAY);
        WeeklyLesson math = plans.weekly("c1-math", 1, plans.room("chengxi", "g4c1", "wang-fang", 3, SELF_STUDY),
                plans.swapped("zhenbu", "g4c1", "chen-jie", 3, ENGLISH_TO_THURSDAY));

        assertThat(check(math)).containsExactly(swap("c1-math#1",
                "swaps a period of 四年级(1)班 of 祯埠镇小, but c1-math does not allow swaps (allowSwap)"));
    }

    @Test
    void reportsSwapThatMovesAnotherLessonThanTheClassHasInThatPeriod() {
        WeeklyLesson music = musicSwapping(new Swap(DayOfWeek.THURSDAY, 2, "语文", "chen-jie"));

        assertThat(check(music)).containsExactly(swap("c1-music#1", "四年级(1)班 of 祯埠镇小 has 英语 taught by 刘洋 of"
                + " 祯埠镇小 in period 3 on tuesday, but the swap moves 语文 taught by 陈杰 of 祯埠镇小"));
    }

    @Test
    void reportsSwapOfAPeriodThatHoldsNoOtherSubject() {
        plans.day(DayOfWeek.WEDNESDAY);
        WeeklyLesson music = plans.weekly("c1-music", 1, plans.room("chengxi", "g4c2", "zhao-lei", 2, FREE),
                plans.swapped("zhenbu", "g4c1", "liu-yang", 2, ENGLISH_TO_THURSDAY));

        assertThat(check(music)).containsExactly(new Violation(Rule.DISPLACES, "c1-music#1", "四年级(1)班 of 祯埠镇小 has"
                + " nothing (空) in period 2 on wednesday, but the plan says the lesson displaces swapped"));
    }

    @Test
    void reportsOtherSubjectTakenWithoutASwapAlthoughTheRequirementAllowsOne() {
        plans.day(DayOfWeek.TUESDAY);
        WeeklyLesson music = plans.weekly("c1-music", 1, plans.room("chengxi", "g4c2", "zhao-lei", 3, SAME_SUBJECT),
                plans.room("zhenbu", "g4c1", "liu-yang", 3, FREE));

        assertThat(check(music)).containsExactly(new Violation(Rule.OWN_PERIOD, "c1-music#1", "四年级(1)班 of 祯埠镇小"
                + " has 英语 in period 3 on tuesday, which the lesson would take; c1-music allows a swap (调课), but the"
                + " plan does not move it"));
    }

    @Test
    void participantRefusesSwappedWithoutASwapSoNoPlanCanHoldOne() {
        Participant free = plans.room("zhenbu", "g4c1", "liu-yang", 3, FREE);

        assertThatThrownBy(() -> new Participant(free.school(), free.schoolName(), free.classroom(), free.classId(),
                free.className(), free.teacher(), free.period(), free.periodStart(), free.periodEnd(),
                Displaces.SWAPPED, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsSwapToAPeriodTheBellScheduleDoesNotHave() {
        WeeklyLesson music = musicSwapping(new Swap(DayOfWeek.THURSDAY, 7, "英语", "liu-yang"));

        assertThat(check(music)).containsExactly(swap("c1-music#1",
                "the swap moves 英语 of 四年级(1)班 of 祯埠镇小 to period 7 on thursday, but 祯埠镇小 has no period 7 that day"));
    }

    @Test
    void reportsSwapToAPeriodInWhichTheClassHasALesson() {
        WeeklyLesson music = musicSwapping(new Swap(DayOfWeek.MONDAY, 1, "英语", "liu-yang"));

        assertThat(check(music)).containsExactly(swap("c1-music#1",
                "the swap moves 英语 of 四年级(1)班 of 祯埠镇小 to period 1 (08:00-08:40) on monday, where the class has 语文"));
    }

    @Test
    void reportsSwapToAPeriodInWhichItsTeacherTeachesAnotherClass() {
        county = TinyPlans.load(TinyPlans.swapTiny(dir.resolve("g5")).edit(ZHENBU,
                "  - {id: g4c1, grade: 4, name: 四年级(1)班, size: 21, homeroom: r4}",
                "  - {id: g4c1, grade: 4, name: 四年级(1)班, size: 21, homeroom: r4}\n"
                        + "  - {id: g5c1, grade: 5, name: 五年级(1)班, size: 19, homeroom: r4}")
                .edit(ZHENBU, "  - {class: g4c1, day: tuesday,",
                        "  - {class: g5c1, day: thursday, periods: [空, 英语 liu-yang]}\n  - {class: g4c1, day: tuesday,"));
        plans = new TinyPlans(county);

        assertThat(check(plans.musicSwappingEnglish())).containsExactly(swap("c1-music#1",
                TO_THURSDAY_2 + ", when 刘洋 of 祯埠镇小 teaches 英语 to 五年级(1)班 of 祯埠镇小"));
    }

    @Test
    void reportsSwapToAPeriodInWhichItsTeacherIsUnavailableEveryWeek() {
        county = TinyPlans.load(TinyPlans.swapTiny(dir.resolve("away")).edit(ZHENBU,
                "  - {id: liu-yang, name: 刘洋, subjects: [英语, 音乐]}",
                "  - id: liu-yang\n    name: 刘洋\n    subjects: [英语, 音乐]\n"
                        + "    unavailable:\n      - {weekday: thursday, periods: [2], reason: 教研活动}"));
        plans = new TinyPlans(county);

        assertThat(check(plans.musicSwappingEnglish())).containsExactly(swap("c1-music#1", "刘洋 of 祯埠镇小 is"
                + " unavailable on thursday in periods 2 (教研活动), and the swap moves 英语 of 四年级(1)班 of 祯埠镇小 to"
                + " period 2 on thursday"));
    }

    @Test
    void reportsSwapToAPeriodInWhichAWeeklyLessonHasTheClass() {
        assertThat(check(plans.musicSwappingEnglish(), mathOnThursday())).containsExactly(swap("c1-music#1",
                TO_THURSDAY_2 + ", when 四年级(1)班 of 祯埠镇小 is in c1-math#1 (08:50-09:30)"));
    }

    @Test
    void reportsSwapToAPeriodInWhichAWeeklyLessonHasTheClassAndTheTeacher() {
        WeeklyLesson music = plans.musicSwappingEnglish();
        plans.day(DayOfWeek.THURSDAY);
        WeeklyLesson second = plans.weekly("c1-music", 2, plans.room("chengxi", "g4c2", "zhao-lei", 2, FREE),
                plans.room("zhenbu", "g4c1", "liu-yang", 2, FREE));

        assertThat(check(music, second)).containsExactly(swap("c1-music#1",
                TO_THURSDAY_2 + ", when 四年级(1)班 of 祯埠镇小 and 刘洋 of 祯埠镇小 are in c1-music#2 (08:50-09:30)"));
    }

    @Test
    void reportsTheLaterOfTwoSwapsThatMoveLessonsIntoTheSamePeriod() {
        WeeklyLesson tuesday = plans.musicSwappingEnglish();
        plans.day(DayOfWeek.MONDAY);
        WeeklyLesson monday = plans.weekly("c1-music", 2, plans.room("chengxi", "g4c2", "zhao-lei", 4, SAME_SUBJECT),
                plans.swapped("zhenbu", "g4c1", "liu-yang", 4, ENGLISH_TO_THURSDAY));

        assertThat(check(tuesday, monday)).containsExactly(swap("c1-music#2",
                TO_THURSDAY_2 + ", where c1-music#1 already moves 英语 of 四年级(1)班 of 祯埠镇小 taught by 刘洋 of 祯埠镇小"));
    }

    @Test
    void acceptsMovedOccurrenceWhoseSwapFitsTheTimetableDayItMovedTo() {
        WeeklyLesson music = plans.musicSwappingEnglish();
        plans.day(DayOfWeek.MONDAY);
        Occurrence monday = moved(music, TinyPlans.NEXT_MONDAY, DayOfWeek.MONDAY,
                plans.room("chengxi", "g4c2", "zhao-lei", 4, SAME_SUBJECT),
                plans.swapped("zhenbu", "g4c1", "liu-yang", 4, ENGLISH_TO_THURSDAY));

        assertThat(PlanChecker.check(county, plan(music, on(music, TinyPlans.TUESDAY), monday))).isEmpty();
    }

    @Test
    void reportsMovedOccurrenceWhoseSwapFitsOnlyItsWeeklyLesson() {
        WeeklyLesson music = plans.musicSwappingEnglish();
        LocalDate date = TinyPlans.TUESDAY.plusWeeks(1);
        Occurrence later = moved(music, date, DayOfWeek.TUESDAY, plans.room("chengxi", "g4c2", "zhao-lei", 4, FREE),
                plans.swapped("zhenbu", "g4c1", "liu-yang", 4, ENGLISH_TO_THURSDAY));

        assertThat(PlanChecker.check(county, plan(music, later))).containsExactly(new Violation(Rule.DISPLACES,
                later.id(), "四年级(1)班 of 祯埠镇小 has self-study (自习) in period 4 on tuesday, but the plan says the"
                        + " lesson displaces swapped"));
    }

    @Test
    void reportsOccurrenceWhoseOwnSwapMovesALessonIntoAWeeklyLessonOfTheClass() {
        WeeklyLesson music = musicSwapping(new Swap(DayOfWeek.THURSDAY, 3, "英语", "liu-yang"));
        WeeklyLesson math = mathOnThursday();
        Occurrence usual = on(music, TinyPlans.TUESDAY);
        Occurrence other = new Occurrence(usual.id(), usual.weekly(), usual.requirement(), usual.community(),
                usual.kind(), usual.subject(), usual.date(), usual.timetableDay(), usual.start(), usual.end(),
                usual.host(), List.of(TinyPlans.withSwap(usual.receivers().get(0), ENGLISH_TO_THURSDAY)), null);

        assertThat(PlanChecker.check(county, plan(List.of(music, math), List.of(other), List.of()))).containsExactly(
                swap(other.id(), TO_THURSDAY_2 + ", when 四年级(1)班 of 祯埠镇小 is in c1-math#1 (08:50-09:30)"));
    }

    /** The weekly lesson's occurrence that re-planning moved to {@code date}, at the host's period there. */
    private static Occurrence moved(WeeklyLesson w, LocalDate date, DayOfWeek timetableDay, Participant host,
                                    Participant receiver) {
        // A moved occurrence keeps the id of the date it was moved from.
        LocalDate from = date.plusDays(w.day().ordinal() - timetableDay.ordinal());
        return new Occurrence(Occurrence.id(w.id(), from), w.id(), w.requirement(), w.community(), w.kind(),
                w.subject(), date, timetableDay, host.periodStart(), host.periodEnd(), host, List.of(receiver),
                new Occurrence.Moved(from, w.start(), "moved by re-planning"));
    }
}
