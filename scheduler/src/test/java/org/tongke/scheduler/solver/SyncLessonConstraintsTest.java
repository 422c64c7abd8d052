package org.tongke.scheduler.solver;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongke.config.calendar.SchoolPeriod;
import org.tongke.config.calendar.WeeklySlot;
import org.tongke.scheduler.plan.Participant.Displaces;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.slot.Candidate;
import org.tongke.scheduler.slot.SwapBooking;

class SyncLessonConstraintsTest {
    private final ConstraintVerifier<SyncLessonConstraints, SyncTimetable> verifier =
            ConstraintVerifier.build(new SyncLessonConstraints(), SyncTimetable.class, LessonUnit.class);

    private static Candidate at(String requirement, DayOfWeek day, String start, int notOwn, int ruralEdges) {
        LocalTime from = LocalTime.parse(start);
        WeeklySlot slot = new WeeklySlot(day, from, from.plusMinutes(40),
                List.of(new SchoolPeriod("a", 5, from, from.plusMinutes(40))));
        return new Candidate(requirement, slot, List.of(Displaces.FREE), List.of("a/lubo-" + requirement), notOwn,
                ruralEdges);
    }

    private static LessonUnit unit(String id, String requirement, Candidate placed, String... resources) {
        LessonUnit unit = new LessonUnit(id, requirement, placed == null ? List.of() : List.of(placed),
                Set.of(resources), null);
        unit.setCandidate(placed);
        return unit;
    }

    @Test
    void nobodyInTwoPlacesPenalizesOverlappingLessonsThatShareATeacher() {
        LessonUnit a = unit("r1#1", "r1", at("r1", DayOfWeek.MONDAY, "13:30", 0, 0), "teacher:a/wang", "class:a/g4c1");
        LessonUnit b = unit("r2#1", "r2", at("r2", DayOfWeek.MONDAY, "13:50", 0, 0), "teacher:a/wang", "class:a/g4c2");
        LessonUnit c = unit("r3#1", "r3", at("r3", DayOfWeek.MONDAY, "13:30", 0, 0), "teacher:a/li", "class:a/g5c1");

        verifier.verifyThat(SyncLessonConstraints::nobodyInTwoPlaces).given(a, b, c).penalizesBy(1);
    }

    @Test
    void nobodyInTwoPlacesPenalizesTwoLessonsInOneRecordingClassroomAtOnce() {
        Candidate first = at("r1", DayOfWeek.MONDAY, "13:30", 0, 0);
        Candidate second = new Candidate("r2", at("r2", DayOfWeek.MONDAY, "13:30", 0, 0).slot(), List.of(Displaces.FREE),
                first.rooms(), 0, 0);
        LessonUnit a = unit("r1#1", "r1", first, "teacher:a/wang");
        LessonUnit b = unit("r2#1", "r2", second, "teacher:a/li");

        verifier.verifyThat(SyncLessonConstraints::nobodyInTwoPlaces).given(a, b).penalizesBy(1);
    }

    @Test
    void nobodyInTwoPlacesAllowsTheSameTeacherOnAnotherDayOrAfterwards() {
        LessonUnit a = unit("r1#1", "r1", at("r1", DayOfWeek.MONDAY, "13:30", 0, 0), "teacher:a/wang");
        LessonUnit b = unit("r2#1", "r2", at("r2", DayOfWeek.TUESDAY, "13:30", 0, 0), "teacher:a/wang");
        LessonUnit c = unit("r3#1", "r3", at("r3", DayOfWeek.MONDAY, "14:10", 0, 0), "teacher:a/wang");

        verifier.verifyThat(SyncLessonConstraints::nobodyInTwoPlaces).given(a, b, c).penalizesBy(0);
    }

    @Test
    void swapsClashWithNobodyPenalizesALessonMovedOntoAClassThatAnotherLessonHolds() {
        Candidate base = at("r1", DayOfWeek.MONDAY, "13:30", 0, 0);
        SwapBooking movedTo = new SwapBooking("class:a/g4c1", DayOfWeek.TUESDAY, LocalTime.of(13, 30), LocalTime.of(14, 10));
        Candidate swapping = new Candidate("r1", base.slot(), List.of(Displaces.SWAPPED), base.rooms(),
                List.of(new Participant.Swap(DayOfWeek.TUESDAY, 5, "英语", "li")), List.of(movedTo), 2, 0);
        LessonUnit swapper = unit("r1#1", "r1", swapping, "class:a/g4c1");
        LessonUnit onTuesday = unit("r2#1", "r2", at("r2", DayOfWeek.TUESDAY, "13:30", 0, 0), "class:a/g4c1");
        LessonUnit elsewhere = unit("r3#1", "r3", at("r3", DayOfWeek.TUESDAY, "13:30", 0, 0), "class:a/g5c1");

        verifier.verifyThat(SyncLessonConstraints::swapsClashWithNobody).given(swapper, onTuesday, elsewhere)
                .penalizesBy(1);
    }

    @Test
    void everyLessonPlacedPenalizesEachUnplacedLesson() {
        LessonUnit placed = unit("r1#1", "r1", at("r1", DayOfWeek.MONDAY, "13:30", 0, 0), "class:a/g4c1");
        LessonUnit left = unit("r2#1", "r2", null, "class:a/g4c2");

        verifier.verifyThat(SyncLessonConstraints::everyLessonPlaced).given(placed, left).penalizesBy(1);
    }

    @Test
    void spreadOverDaysPenalizesTwoLessonsOfARequirementOnOneDay() {
        LessonUnit first = unit("r1#1", "r1", at("r1", DayOfWeek.MONDAY, "08:00", 0, 0), "class:a/g4c1");
        LessonUnit second = unit("r1#2", "r1", at("r1", DayOfWeek.MONDAY, "13:30", 0, 0), "class:a/g4c1");
        LessonUnit third = unit("r1#3", "r1", at("r1", DayOfWeek.WEDNESDAY, "13:30", 0, 0), "class:a/g4c1");

        verifier.verifyThat(SyncLessonConstraints::spreadOverDays).given(first, second, third).penalizesBy(1);
    }

    @Test
    void ownSubjectPeriodPenalizesEachReceivingClassThatGivesUpAnotherPeriod() {
        LessonUnit unit = unit("r1#1", "r1", at("r1", DayOfWeek.MONDAY, "13:30", 2, 0), "class:a/g4c1");

        verifier.verifyThat(SyncLessonConstraints::ownSubjectPeriod).given(unit).penalizesBy(2);
    }

    @Test
    void ruralEdgePeriodsPenalizesFirstAndLastPeriodsAtRuralSchools() {
        LessonUnit edge = unit("r1#1", "r1", at("r1", DayOfWeek.MONDAY, "08:00", 0, 1), "class:a/g4c1");
        LessonUnit middle = unit("r2#1", "r2", at("r2", DayOfWeek.MONDAY, "10:00", 0, 0), "class:a/g4c2");

        verifier.verifyThat(SyncLessonConstraints::ruralEdgePeriods).given(edge, middle).penalizesBy(1);
    }

    @Test
    void fewestChangesPenalizesALessonMovedFromThePublishedPlan() {
        Candidate monday = at("r1", DayOfWeek.MONDAY, "13:30", 0, 0);
        LessonUnit kept = new LessonUnit("r1#1", "r1", List.of(monday), Set.of("class:a/g4c1"), "monday 13:30-14:10");
        kept.setCandidate(monday);
        Candidate tuesday = at("r2", DayOfWeek.TUESDAY, "13:30", 0, 0);
        LessonUnit moved = new LessonUnit("r2#1", "r2", List.of(tuesday), Set.of("class:a/g4c2"), "monday 13:30-14:10");
        moved.setCandidate(tuesday);

        verifier.verifyThat(SyncLessonConstraints::fewestChanges).given(kept, moved).penalizesBy(1);
    }
}
