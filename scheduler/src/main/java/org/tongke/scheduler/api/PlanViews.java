package org.tongke.scheduler.api;

import java.util.List;
import java.util.function.Predicate;
import org.tongke.config.county.County;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchSession;

/**
 * The part of a plan one person needs: a community's, a school's, a teacher's or a recording
 * classroom's lessons, dates and research. An unknown id is refused by name.
 */
public final class PlanViews {
    private final County county;

    public PlanViews(County county) {
        this.county = county;
    }

    public Plan community(Plan plan, String community) {
        county.community(community).orElseThrow(() -> ApiException.notFound("no community '" + community + "'"));
        return filter(plan, p -> false, community, s -> s.community().equals(community));
    }

    public Plan school(Plan plan, String school) {
        requireSchool(school);
        return filter(plan, p -> p.school().equals(school), null,
                s -> s.participants().stream().anyMatch(t -> t.school().equals(school)));
    }

    public Plan teacher(Plan plan, String school, String teacher) {
        requireSchool(school).teacher(teacher)
                .orElseThrow(() -> ApiException.notFound("no teacher '" + teacher + "' at school '" + school + "'"));
        return filter(plan, p -> p.school().equals(school) && teacher.equals(p.teacher()), null,
                s -> s.participants().stream().anyMatch(t -> t.school().equals(school) && t.teacher().equals(teacher)));
    }

    public Plan classroom(Plan plan, String school, String classroom) {
        requireSchool(school).classroom(classroom)
                .orElseThrow(() -> ApiException.notFound("no classroom '" + classroom + "' at school '" + school + "'"));
        return filter(plan, p -> p.school().equals(school) && classroom.equals(p.classroom()), null, s -> false);
    }

    private org.tongke.config.school.School requireSchool(String school) {
        return county.school(school).orElseThrow(() -> ApiException.notFound("no school '" + school + "'"));
    }

    /** Lessons with a room matching {@code room} (or of the community), research matching {@code session}. */
    private static Plan filter(Plan plan, Predicate<Participant> room, String community,
                               Predicate<ResearchSession> session) {
        Predicate<List<Participant>> rooms = ps -> ps.stream().anyMatch(room);
        var weekly = plan.weekly().stream().filter(w -> w.community().equals(community) || rooms.test(w.participants()))
                .toList();
        var ids = weekly.stream().map(w -> w.id()).collect(java.util.stream.Collectors.toSet());
        return new Plan(plan.county(), plan.score(), weekly,
                plan.occurrences().stream().filter(o -> ids.contains(o.weekly())).toList(),
                plan.cancellations().stream().filter(c -> ids.contains(c.weekly())).toList(),
                plan.research().stream().filter(session).toList(),
                plan.unplaced().stream().filter(u -> u.community().equals(community)).toList(),
                plan.compliance().stream().filter(c -> c.community().equals(community)
                        || weekly.stream().anyMatch(w -> w.community().equals(c.community()))).toList());
    }
}
