package org.tongke.config.validate;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tongke.config.county.Community;
import org.tongke.config.county.County;
import org.tongke.config.county.Pairing;
import org.tongke.config.county.YearlyTargets;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.school.School;

/**
 * How much each pairing's requirements can yield over the school year (every term of the
 * calendar) if every weekly lesson is placed, compared with the yearly targets. Requirements
 * that cannot reach a target even when all placed deserve a warning before anyone schedules.
 */
public final class TargetCoverage {
    /** The most a pairing's requirements can yield in a year, and what its community asks for. */
    public record PairingCapacity(Community community, Pairing pairing, int lessons, int subjects,
                                  int onlineResearch, int offlineResearch, YearlyTargets targets) {
        public boolean reachesTargets() {
            return lessons >= targets.syncLessons() && subjects >= targets.syncSubjects()
                    && onlineResearch >= targets.onlineResearch() && offlineResearch >= targets.offlineResearch();
        }
    }

    private final County county;

    public TargetCoverage(County county) {
        this.county = county;
    }

    public java.util.List<PairingCapacity> pairings() {
        return county.communities().stream()
                .flatMap(c -> c.pairings().stream().map(p -> capacity(c, p)))
                .toList();
    }

    private PairingCapacity capacity(Community community, Pairing pairing) {
        int lessons = 0;
        TreeSet<String> subjects = new TreeSet<>();
        for (LessonRequirement l : county.lessons()) {
            if (l.community().equals(community.id()) && l.schools().contains(pairing.supporting())
                    && l.schools().contains(pairing.receiving())) {
                lessons += yearlyLessons(l);
                subjects.add(l.subject());
            }
        }
        int terms = county.calendar().terms().size();
        int online = 0;
        int offline = 0;
        for (ResearchRequirement r : county.research()) {
            if (r.community().equals(community.id()) && involves(r, pairing)) {
                online += r.onlinePerTerm() * terms;
                offline += r.offlinePerTerm() * terms;
            }
        }
        return new PairingCapacity(community, pairing, lessons, subjects.size(), online, offline,
                county.targetsFor(community.type()));
    }

    /** Research open to the whole community names no participants. */
    private static boolean involves(ResearchRequirement r, Pairing pairing) {
        return r.participants().isEmpty()
                || r.participants().stream().anyMatch(p -> p.school().equals(pairing.supporting()))
                && r.participants().stream().anyMatch(p -> p.school().equals(pairing.receiving()));
    }

    /** Per week, as many lessons as asked for, but no more than the host school's teaching days. */
    private int yearlyLessons(LessonRequirement lesson) {
        School host = county.school(lesson.host().school()).orElse(null);
        if (host == null) {
            return 0;
        }
        Map<LocalDate, Integer> daysPerWeek = new TreeMap<>();
        for (var term : county.calendar().terms()) {
            for (LocalDate day : host.calendar().teachingDays(term)) {
                daysPerWeek.merge(day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)), 1, Integer::sum);
            }
        }
        return daysPerWeek.values().stream().mapToInt(d -> Math.min(d, lesson.perWeek())).sum();
    }

}
