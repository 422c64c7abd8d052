package org.tongke.scheduler.solver;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import java.util.List;

/**
 * The solver's view of the one timetable: every weekly lesson unit to place. Hard: nobody in
 * two places at once; medium: a lesson left unplaced; soft: the community's preferences, each
 * weighted by the configuration ({@code constraintWeightOverrides}).
 */
@PlanningSolution
public class SyncTimetable {
    @PlanningEntityCollectionProperty
    private List<LessonUnit> units;

    private ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides;

    @PlanningScore
    private HardMediumSoftScore score;

    public SyncTimetable() {
        // For the solver's cloning.
    }

    public SyncTimetable(List<LessonUnit> units, ConstraintWeightOverrides<HardMediumSoftScore> weights) {
        this.units = units;
        this.constraintWeightOverrides = weights;
    }

    public List<LessonUnit> getUnits() {
        return units;
    }

    public void setUnits(List<LessonUnit> units) {
        this.units = units;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public ConstraintWeightOverrides<HardMediumSoftScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }
}
