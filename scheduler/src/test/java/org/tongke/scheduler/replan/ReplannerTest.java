package org.tongke.scheduler.replan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongke.config.county.County;
import org.tongke.config.validate.CountyValidator;
import org.tongke.scheduler.check.PlanChecker;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.WeeklyLesson;
import org.tongke.scheduler.publish.SchedulerService;
import org.tongke.scheduler.solver.TimetableSolver;

class ReplannerTest {
    private static County county;
    private static Plan plan;

    @BeforeAll
    static void solveQingtian() {
        county = CountyValidator.validate(Path.of("..", "samples", "qingtian")).orThrow();
        plan = new SchedulerService(county).solve(TimetableSolver.Limits.of(Duration.ofSeconds(10)), Map.of(), p -> { });
    }

    private static final LocalDate MONDAY = LocalDate.of(2021, 11, 22);

    @Test
    void teacherAwayForAWeekMovesOrCancelsOnlyTheirLessonsOfThatWeek() {
        WeeklyLesson lesson = plan.weekly().get(0);
        Absence away = new Absence(Absence.Kind.TEACHER, lesson.host().school(), lesson.host().teacher(), MONDAY,
                MONDAY.plusDays(6), "外出培训");

        Replanner.Result result = new Replanner(county).replan(plan, List.of(away));

        Set<String> touched = plan.occurrences().stream()
                .filter(o -> away.covers(o.date()) && o.participants().stream()
                        .anyMatch(p -> p.school().equals(away.school()) && away.id().equals(p.teacher())))
                .map(Occurrence::id).collect(Collectors.toSet());
        assertThat(touched).isNotEmpty();
        assertThat(result.changes()).extracting(PlanChange::occurrence).containsExactlyInAnyOrderElementsOf(touched);
        assertThat(result.changes()).allSatisfy(c -> assertThat(c.reason()).contains("is away: 外出培训"));
        Map<String, Occurrence> after = result.plan().occurrences().stream()
                .collect(Collectors.toMap(Occurrence::id, o -> o));
        for (Occurrence before : plan.occurrences()) {
            if (!touched.contains(before.id())) {
                assertThat(after.get(before.id())).as(before.id()).isEqualTo(before);
            }
        }
        for (PlanChange change : result.changes()) {
            if (change.type() == PlanChange.Type.MOVED) {
                assertThat(away.covers(change.toDate())).isFalse();
                assertThat(change.toDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).isEqualTo(MONDAY);
            }
        }
        assertThat(PlanChecker.check(county, result.plan())).isEmpty();
    }

    @Test
    void recordingClassroomOutOfServiceMovesItsLessonsToTheSchoolsOtherRoom() {
        WeeklyLesson lesson = plan.weekly().stream()
                .filter(w -> county.school(w.host().school()).orElseThrow().recordingClassrooms().size() > 1)
                .findFirst().orElseThrow();
        Absence broken = new Absence(Absence.Kind.CLASSROOM, lesson.host().school(), lesson.host().classroom(), MONDAY,
                MONDAY.plusDays(4), "摄像头维修");

        Replanner.Result result = new Replanner(county).replan(plan, List.of(broken));

        assertThat(result.changes()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.type()).isIn(PlanChange.Type.ROOM_CHANGED, PlanChange.Type.MOVED);
            assertThat(c.reason()).contains("is out of service: 摄像头维修");
        });
        assertThat(result.changes()).anySatisfy(c -> assertThat(c.type()).isEqualTo(PlanChange.Type.ROOM_CHANGED));
        assertThat(result.plan().occurrences()).filteredOn(o -> broken.covers(o.date()))
                .allSatisfy(o -> assertThat(o.participants()).noneMatch(p -> p.school().equals(broken.school())
                        && p.classroom().equals(broken.id())));
        assertThat(PlanChecker.check(county, result.plan())).isEmpty();
    }

    @Test
    void aTeacherAwayForADayHasTheirLessonMovedToAnotherDayOfTheWeekKeepingItsId() {
        Replanner replanner = new Replanner(county);
        PlanChange moved = null;
        Replanner.Result result = null;
        for (WeeklyLesson lesson : plan.weekly()) {
            LocalDate day = plan.occurrences().stream().filter(o -> o.weekly().equals(lesson.id()))
                    .map(Occurrence::date).filter(d -> !d.isBefore(MONDAY)).findFirst().orElseThrow();
            Absence away = new Absence(Absence.Kind.TEACHER, lesson.host().school(), lesson.host().teacher(), day, day, "病假");
            result = replanner.replan(plan, List.of(away));
            if (result.changes().size() == 1 && result.changes().get(0).type() == PlanChange.Type.MOVED) {
                moved = result.changes().get(0);
                assertThat(moved.occurrence()).isEqualTo(lesson.id() + "@" + day);
                assertThat(moved.toDate()).isNotEqualTo(day);
                break;
            }
        }

        assertThat(moved).as("some lesson of the sample can move within its week").isNotNull();
        assertThat(PlanChecker.check(county, result.plan())).isEmpty();
    }

    @Test
    void neverMovesALessonIntoARoomThatIsOutOfServiceToo() {
        WeeklyLesson lesson = plan.weekly().stream()
                .filter(w -> county.school(w.host().school()).orElseThrow().recordingClassrooms().size() > 1)
                .findFirst().orElseThrow();
        var rooms = county.school(lesson.host().school()).orElseThrow().recordingClassrooms();
        List<Absence> allOut = rooms.stream().map(r -> new Absence(Absence.Kind.CLASSROOM, lesson.host().school(), r.id(),
                MONDAY, MONDAY.plusDays(4), "停电")).toList();

        Replanner.Result result = new Replanner(county).replan(plan, allOut);

        assertThat(result.changes()).isNotEmpty().noneMatch(c -> c.type() == PlanChange.Type.ROOM_CHANGED);
        assertThat(result.plan().occurrences()).filteredOn(o -> !o.date().isBefore(MONDAY) && !o.date().isAfter(MONDAY.plusDays(4)))
                .allSatisfy(o -> assertThat(o.participants()).noneMatch(p -> p.school().equals(lesson.host().school())));
        assertThat(PlanChecker.check(county, result.plan())).isEmpty();
    }

    @Test
    void anAbsenceThatTouchesNoLessonChangesNothing() {
        Absence holiday = new Absence(Absence.Kind.TEACHER, "zhangdan-zhongxue", "nobody-here", MONDAY, MONDAY, "");

        Replanner.Result result = new Replanner(county).replan(plan, List.of(holiday));

        assertThat(result.changes()).isEmpty();
        assertThat(result.plan()).isEqualTo(plan);
    }
}
