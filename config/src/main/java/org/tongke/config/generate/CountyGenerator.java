package org.tongke.config.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.calendar.TermCalendar;
import org.tongke.config.county.Community;
import org.tongke.config.county.County;
import org.tongke.config.county.SchedulingWeights;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.school.School;

/**
 * Turns a blueprint into a whole county configuration that passes validation without a
 * warning: the 2021-2022 calendar, every school filled in, and the requirements that let each
 * merged and co-built pairing reach seed 003's yearly targets. The same seed gives the same
 * county, field for field.
 */
public final class CountyGenerator {
    private final long seed;
    private final int lessonsPerWeek;

    public CountyGenerator(long seed) {
        this(seed, 1);
    }

    /** {@code lessonsPerWeek}: how often each generated lesson requirement meets in a week. */
    public CountyGenerator(long seed, int lessonsPerWeek) {
        if (lessonsPerWeek < 1 || lessonsPerWeek > 5) {
            throw new IllegalArgumentException("lessons per week must be 1 to 5: " + lessonsPerWeek);
        }
        this.seed = seed;
        this.lessonsPerWeek = lessonsPerWeek;
    }

    public County generate(CountyBlueprint blueprint) {
        TermCalendar calendar = SchoolYear2021.calendar();
        Map<String, BellSchedule> bells = DistinctBellSchedules.choose(seed, blueprint.schools(), blueprint.communities());
        Map<String, School> schools = new LinkedHashMap<>();
        blueprint.schools().stream()
                .sorted(Comparator.comparing(s -> YamlFileNames.of(s.id())))
                .forEach(s -> schools.put(s.id(), SchoolGenerator.generate(s, bells.get(s.id()), calendar, seed)));
        List<LessonRequirement> lessons = new ArrayList<>();
        List<ResearchRequirement> research = new ArrayList<>();
        blueprint.communities().stream()
                .sorted(Comparator.comparing(c -> YamlFileNames.of(c.id())))
                .forEach(c -> {
                    RequirementPlanner.Plan plan = plan(c, schools);
                    lessons.addAll(plan.lessons());
                    research.addAll(plan.research());
                });
        Map<String, School> withRoom = SyncSlotReservation.reserve(schools, lessons, Seeds.random(seed, "county", "one-timetable"));
        return new County(blueprint.id(), blueprint.name(), calendar, Map.of(), List.copyOf(withRoom.values()),
                blueprint.communities(), blueprint.pairings(), lessons, research, SchedulingWeights.DEFAULTS);
    }

    private RequirementPlanner.Plan plan(Community community, Map<String, School> schools) {
        return RequirementPlanner.plan(community, schools, Seeds.random(seed, community.id(), "requirements"),
                lessonsPerWeek);
    }
}
