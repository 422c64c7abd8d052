package org.tongke.signaling.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongke.config.testing.SettableClock;
import org.tongke.signaling.protocol.ServerMessage;

class TimetableTest {
    /** Wednesday 2021-11-24, 09:00 in Beijing. */
    static final Instant NOW = Instant.parse("2021-11-24T01:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);
    private final Timetable timetable = new Timetable(clock, List.of(
            new KnownClassroom(TestPlans.HOST, "城西小学", "录播教室"), new KnownClassroom(TestPlans.RURAL, "祯埠镇小", "录播教室"),
            new KnownClassroom("dongshan/lubo", "东山小学", "录播教室")));
    private final List<Set<String>> heard = new ArrayList<>();

    static LoadedPlan plan(String... occurrences) {
        return PlanReader.read(TestPlans.file(List.of(occurrences)).getBytes(StandardCharsets.UTF_8), "test");
    }

    @Test
    void eachClassroomGetsItsLessonsWithItsRoleAndItsOwnSchoolName() {
        timetable.replace(plan(TestPlans.occurrence("c1-math#1", "2021-11-25", "13:30", "14:10"),
                TestPlans.occurrence("c1-math#2", "2021-11-24", "08:50", "09:30")));

        ClassroomSchedule rural = timetable.schedule(TestPlans.RURAL).orElseThrow();
        assertThat(rural.lessons()).extracting(ServerMessage.ScheduledLesson::lesson)
                .containsExactly("c1-math#2@2021-11-24", "c1-math#1@2021-11-25");
        assertThat(rural.lessons().get(1)).isEqualTo(new ServerMessage.ScheduledLesson("c1-math#1@2021-11-25",
                "数学 · 城西小学 四年级(1)班", "祯埠镇小", "receiving", "2021-11-25T13:30:00+08:00",
                "2021-11-25T14:10:00+08:00"));
        assertThat(timetable.schedule(TestPlans.HOST).orElseThrow().lessons()).extracting(ServerMessage.ScheduledLesson::role)
                .containsExactly("host", "host");
        assertThat(timetable.schedule("dongshan/lubo").orElseThrow().lessons()).isEmpty();
        assertThat(timetable.schedule("nowhere/lubo")).isEmpty();
    }

    @Test
    void lessonsBeforeTodayOrMoreThanFourteenDaysAheadAreLeftOut() {
        timetable.replace(plan(TestPlans.occurrence("c1-math#1", "2021-11-23", "13:30", "14:10"),
                TestPlans.occurrence("c1-math#1", "2021-12-08", "13:30", "14:10"),
                TestPlans.occurrence("c1-math#1", "2021-12-09", "13:30", "14:10")));

        assertThat(timetable.lessons()).extracting(TimetableLesson::id).containsExactly("c1-math#1@2021-12-08");
    }

    @Test
    void aClassroomsVersionRisesOnlyWhenItsOwnLessonsChange() {
        timetable.subscribe(heard::add);
        timetable.replace(plan(TestPlans.occurrence("c1-math#1", "2021-11-25", "13:30", "14:10")));
        long first = timetable.schedule(TestPlans.RURAL).orElseThrow().version();
        long untouched = timetable.schedule("dongshan/lubo").orElseThrow().version();
        assertThat(heard).containsExactly(Set.of(TestPlans.HOST, TestPlans.RURAL, "dongshan/lubo"));

        timetable.replace(plan(TestPlans.occurrence("c1-math#1", "2021-11-25", "13:30", "14:10")));
        assertThat(timetable.schedule(TestPlans.RURAL).orElseThrow().version()).isEqualTo(first);
        assertThat(heard).hasSize(1);

        timetable.replace(plan(TestPlans.occurrence("c1-math#1", "2021-11-25", "14:30", "15:10")));
        assertThat(timetable.schedule(TestPlans.RURAL).orElseThrow().version()).isGreaterThan(first);
        assertThat(timetable.schedule("dongshan/lubo").orElseThrow().version()).isEqualTo(untouched);
        assertThat(heard.get(1)).isEqualTo(Set.of(TestPlans.HOST, TestPlans.RURAL));
    }

    @Test
    void theWindowMovesOnAtMidnightInBeijing() {
        timetable.replace(plan(TestPlans.occurrence("c1-math#1", "2021-11-24", "13:30", "14:10"),
                TestPlans.occurrence("c1-math#1", "2021-12-09", "13:30", "14:10")));
        long before = timetable.schedule(TestPlans.RURAL).orElseThrow().version();
        timetable.subscribe(heard::add);

        clock.set(Instant.parse("2021-11-24T15:59:00Z"));
        timetable.refresh();
        assertThat(heard).isEmpty();
        clock.set(Instant.parse("2021-11-24T16:00:00Z"));
        timetable.refresh();

        assertThat(timetable.lessons()).extracting(TimetableLesson::id).containsExactly("c1-math#1@2021-12-09");
        assertThat(timetable.schedule(TestPlans.RURAL).orElseThrow().version()).isGreaterThan(before);
        assertThat(heard).hasSize(1);
    }

    @Test
    void withoutACountyTheClassroomsComeFromThePlan() {
        Timetable fromPlan = new Timetable(clock, null);
        fromPlan.replace(plan(TestPlans.occurrence("c1-math#1", "2021-11-25", "13:30", "14:10")));

        assertThat(fromPlan.classrooms()).extracting(KnownClassroom::id).containsExactly(TestPlans.HOST, TestPlans.RURAL);
        assertThat(fromPlan.county()).contains("tiny");
    }
}
