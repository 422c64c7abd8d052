package org.tongke.config.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.county.Community;

/**
 * Gives every school its own bell schedule, different from every other school of each of its
 * communities: the schools of a community ring at different times, which is what makes
 * planning their shared lessons hard. A school whose draw matches a neighbour's draws again.
 * The members of a community ring their afternoon bells with their core school, as the
 * community agrees when it makes its one timetable (同步课堂"一张表") so that synchronized
 * lessons fit both; their mornings still differ. A member of several communities follows the
 * first that lists it, and a school that is a core anywhere keeps its own afternoon.
 */
final class DistinctBellSchedules {
    private static final int MAX_DRAWS = 1_000;

    private final long seed;
    private final Map<String, BlueprintSchool> schools = new HashMap<>();
    private final Map<String, BellScheduleDesign> chosen = new HashMap<>();
    private final Map<String, Integer> draws = new HashMap<>();

    private DistinctBellSchedules(long seed, List<BlueprintSchool> schools) {
        this.seed = seed;
        schools.forEach(s -> this.schools.put(s.id(), s));
    }

    static Map<String, BellSchedule> choose(long seed, List<BlueprintSchool> schools, List<Community> communities) {
        DistinctBellSchedules d = new DistinctBellSchedules(seed, schools);
        for (BlueprintSchool s : schools) {
            d.chosen.put(s.id(), d.draw(s, 0));
        }
        d.alignAfternoons(communities);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Community c : communities) {
                changed |= d.separate(c.schools());
            }
        }
        Map<String, BellSchedule> built = new HashMap<>();
        d.chosen.forEach((id, design) -> built.put(id, design.build(d.schools.get(id).stage())));
        return Map.copyOf(built);
    }

    private void alignAfternoons(List<Community> communities) {
        // A core school keeps its own bells: its members elsewhere already follow them.
        java.util.Set<String> aligned = new java.util.HashSet<>();
        communities.forEach(c -> aligned.add(c.core()));
        for (Community c : communities) {
            BellScheduleDesign core = chosen.get(c.core());
            for (String member : c.members()) {
                if (aligned.add(member)) {
                    chosen.put(member, chosen.get(member).withAfternoonOf(core, schools.get(c.core()).stage()));
                }
            }
        }
    }

    /** Draws again for each school whose bells equal an earlier school's of the same community. */
    private boolean separate(List<String> community) {
        boolean changed = false;
        for (int i = 1; i < community.size(); i++) {
            String id = community.get(i);
            while (community.subList(0, i).stream().anyMatch(other -> sameBells(other, id))) {
                int attempt = draws.merge(id, 1, Integer::sum);
                if (attempt > MAX_DRAWS) {
                    throw new IllegalStateException("no distinct bell schedule for " + id + " after " + MAX_DRAWS + " draws");
                }
                chosen.put(id, chosen.get(id).withMorningOf(draw(schools.get(id), attempt)));
                changed = true;
            }
        }
        return changed;
    }

    private boolean sameBells(String a, String b) {
        return chosen.get(a).build(schools.get(a).stage()).equals(chosen.get(b).build(schools.get(b).stage()));
    }

    private BellScheduleDesign draw(BlueprintSchool school, int attempt) {
        var random = Seeds.random(seed, school.id(), "bells", Integer.toString(attempt));
        return BellScheduleDesign.draw(random);
    }
}
