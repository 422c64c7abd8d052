package org.tongke.config.county;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tongke.config.calendar.TermCalendar;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.school.School;

/**
 * A county's whole configuration: its calendar, the yearly targets per community type, the
 * schools, the communities and pairings, and what the communities require of the timetable.
 * Each school's calendar is already resolved (the county's plus its own). {@code weights} are
 * the soft goals' weights for the scheduler.
 */
public record County(
        String id,
        String name,
        TermCalendar calendar,
        Map<CommunityType, YearlyTargets> targets,
        List<School> schools,
        List<Community> communities,
        List<Pairing> pairings,
        List<LessonRequirement> lessons,
        List<ResearchRequirement> research,
        SchedulingWeights weights) {

    public County {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(calendar, "calendar");
        EnumMap<CommunityType, YearlyTargets> all = new EnumMap<>(CommunityType.class);
        for (CommunityType type : CommunityType.values()) {
            all.put(type, targets.getOrDefault(type, YearlyTargets.defaultFor(type)));
        }
        targets = Collections.unmodifiableMap(all);
        schools = List.copyOf(schools);
        communities = List.copyOf(communities);
        pairings = List.copyOf(pairings);
        lessons = List.copyOf(lessons);
        research = List.copyOf(research);
        weights = weights == null ? SchedulingWeights.DEFAULTS : weights;
    }

    public Optional<School> school(String schoolId) {
        return schools.stream().filter(s -> s.id().equals(schoolId)).findFirst();
    }

    public Optional<Community> community(String communityId) {
        return communities.stream().filter(c -> c.id().equals(communityId)).findFirst();
    }

    public YearlyTargets targetsFor(CommunityType type) {
        return targets.get(type);
    }
}
