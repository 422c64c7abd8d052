package org.tongke.scheduler.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The rules of the one timetable that depend on where other lessons go. What one lesson's time
 * must satisfy on its own (bell schedules, the classes' own timetables, teachers' weekly
 * unavailability) is settled before solving: a unit's candidates hold only such times.
 */
public final class SyncLessonConstraints implements ConstraintProvider {
    public static final String NOBODY_IN_TWO_PLACES = "Nobody in two places at once";
    public static final String SWAPS_CLASH_WITH_NOBODY = "A swapped lesson clashes with nobody";
    public static final String EVERY_LESSON_PLACED = "Every lesson placed";
    public static final String SPREAD_OVER_DAYS = "A requirement's lessons on different days";
    public static final String OWN_SUBJECT_PERIOD = "Receiving class's own period of the subject";
    public static final String RURAL_EDGE_PERIODS = "Rural schools' first and last periods avoided";
    public static final String FEWEST_CHANGES = "Fewest changes against the published plan";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            nobodyInTwoPlaces(factory),
            swapsClashWithNobody(factory),
            everyLessonPlaced(factory),
            spreadOverDays(factory),
            ownSubjectPeriod(factory),
            ruralEdgePeriods(factory),
            fewestChanges(factory)
        };
    }

    Constraint nobodyInTwoPlaces(ConstraintFactory factory) {
        return factory.forEachUniquePair(LessonUnit.class,
                        Joiners.equal(LessonUnit::day),
                        Joiners.overlapping(LessonUnit::startMinute, LessonUnit::endMinute))
                .filter(LessonUnit::sharesResourceWith)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(NOBODY_IN_TWO_PLACES);
    }

    /** A lesson moved away by a swap must not land on a class or teacher that another lesson holds then. */
    Constraint swapsClashWithNobody(ConstraintFactory factory) {
        return factory.forEach(LessonUnit.class)
                .filter(LessonUnit::hasSwaps)
                .join(LessonUnit.class, Joiners.filtering(LessonUnit::swapClashesWith))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(SWAPS_CLASH_WITH_NOBODY);
    }

    Constraint everyLessonPlaced(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(LessonUnit.class)
                .filter(unit -> unit.getCandidate() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .asConstraint(EVERY_LESSON_PLACED);
    }

    Constraint spreadOverDays(ConstraintFactory factory) {
        return factory.forEachUniquePair(LessonUnit.class,
                        Joiners.equal(LessonUnit::getRequirement),
                        Joiners.equal(LessonUnit::day))
                .penalize(HardMediumSoftScore.ONE_SOFT)
                .asConstraint(SPREAD_OVER_DAYS);
    }

    Constraint ownSubjectPeriod(ConstraintFactory factory) {
        return factory.forEach(LessonUnit.class)
                .filter(unit -> unit.getCandidate().notOwnPeriod() > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, unit -> unit.getCandidate().notOwnPeriod())
                .asConstraint(OWN_SUBJECT_PERIOD);
    }

    Constraint ruralEdgePeriods(ConstraintFactory factory) {
        return factory.forEach(LessonUnit.class)
                .filter(unit -> unit.getCandidate().ruralEdgePeriods() > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, unit -> unit.getCandidate().ruralEdgePeriods())
                .asConstraint(RURAL_EDGE_PERIODS);
    }

    Constraint fewestChanges(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(LessonUnit.class)
                .filter(LessonUnit::movedFromPrevious)
                .penalize(HardMediumSoftScore.ONE_SOFT)
                .asConstraint(FEWEST_CHANGES);
    }
}
