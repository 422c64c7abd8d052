package org.tongke.scheduler.solver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tongke.scheduler.slot.Candidate;

/**
 * Why a lesson that had possible times was left unplaced: at each of them another placed lesson
 * already holds one of its teachers, classes or recording classrooms.
 */
final class BlockedExplainer {
    private static final int MOST_REASONS = 3;

    private BlockedExplainer() {
    }

    static String explain(LessonUnit unit, List<LessonUnit> placed) {
        Map<String, Integer> blockers = new LinkedHashMap<>();
        for (Candidate c : unit.getCandidates()) {
            for (LessonUnit other : placed) {
                if (other != unit && other.getCandidate() != null && other.getCandidate().slot().overlaps(c.slot())) {
                    List<String> shared = new java.util.ArrayList<>(other.getResources().stream()
                            .filter(unit.getResources()::contains).sorted().map(BlockedExplainer::describe).toList());
                    c.rooms().stream().filter(other.getCandidate().rooms()::contains).distinct()
                            .forEach(room -> shared.add("recording classroom " + room));
                    if (shared.isEmpty()) {
                        continue;
                    }
                    blockers.merge(String.join(", ", shared) + " in " + other.getId(), 1, Integer::sum);
                }
            }
        }
        if (blockers.isEmpty()) {
            return "the solver found no place for it in the time allowed; solve for longer";
        }
        return "each of its " + unit.getCandidates().size() + " possible weekly times is taken by another lesson: "
                + blockers.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MOST_REASONS).map(e -> e.getKey() + (e.getValue() > 1 ? " (" + e.getValue() + " times)" : ""))
                .collect(Collectors.joining("; "));
    }

    /** {@code teacher:chengxi/wang-fang} reads as {@code teacher wang-fang of chengxi}. */
    private static String describe(String resource) {
        String[] kind = resource.split(":", 2);
        String[] where = kind[1].split("/", 2);
        return kind[0] + " " + where[1] + " of " + where[0];
    }
}
