package org.tongke.scheduler.solver;

import java.util.List;
import org.tongke.config.county.County;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.scheduler.plan.Unplaced;

/** The solver's answer, read back out of its mutable classes. */
public record SolvedUnits(List<LessonUnit> placed, List<LessonUnit> left, String score) {

    public static SolvedUnits of(SyncTimetable best) {
        List<LessonUnit> placed = best.getUnits().stream().filter(u -> u.getCandidate() != null).toList();
        List<LessonUnit> left = best.getUnits().stream().filter(u -> u.getCandidate() == null).toList();
        return new SolvedUnits(placed, left, best.getScore() == null ? "unsolved" : best.getScore().toString());
    }

    /** Units the solver left without a time, each with the reason. */
    public List<Unplaced> unplaced(County county) {
        return left.stream().map(u -> new Unplaced(u.getId(), u.getRequirement(), community(county, u),
                BlockedExplainer.explain(u, placed))).toList();
    }

    private static String community(County county, LessonUnit unit) {
        return county.lessons().stream().filter(l -> l.id().equals(unit.getRequirement())).findFirst()
                .map(LessonRequirement::community).orElse("");
    }
}
