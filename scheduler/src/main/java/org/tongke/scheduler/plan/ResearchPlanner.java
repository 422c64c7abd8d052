package org.tongke.scheduler.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongke.config.calendar.DateSpan;
import org.tongke.config.calendar.Period;
import org.tongke.config.county.Community;
import org.tongke.config.county.County;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.requirement.TeacherRef;
import org.tongke.config.school.School;

/**
 * Dates the teaching-research sessions (教研): spread evenly over each term, each after the
 * first lesson it discusses has taken place that term, on a day every participant's school
 * teaches, starting 20 minutes after the last period of the latest-ringing school, and never
 * two sessions for one teacher on one day. In-person sessions meet at the community's core
 * school; online ones (网络研修) need no room.
 */
public final class ResearchPlanner {
    static final int MINUTES_AFTER_SCHOOL = 20;
    private static final String ONLINE = "online (网络研修)";

    private final County county;
    private final Set<String> teacherDays = new HashSet<>();

    public ResearchPlanner(County county) {
        this.county = county;
    }

    /** The sessions, and the research that cannot be held because no lesson it discusses happens. */
    public record Planned(List<ResearchSession> sessions, List<Unplaced> unplaced) {
    }

    public Planned plan(List<Occurrence> occurrences) {
        Map<String, List<LocalDate>> datesByRequirement = occurrences.stream().collect(Collectors.groupingBy(
                Occurrence::requirement, Collectors.mapping(Occurrence::date, Collectors.toList())));
        List<ResearchSession> sessions = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (ResearchRequirement r : county.research()) {
            Optional<String> missing = r.follows().stream().filter(f -> !datesByRequirement.containsKey(f)).findFirst();
            if (missing.isPresent()) {
                unplaced.add(new Unplaced(r.id(), r.id(), r.community(), "discusses " + missing.get()
                        + ", which has no lesson in the plan"));
                continue;
            }
            int termNumber = 0;
            for (DateSpan term : county.calendar().terms()) {
                termNumber++;
                sessions.addAll(planTerm(r, term, termNumber, earliest(r, term, datesByRequirement)));
            }
        }
        return new Planned(sessions, unplaced);
    }

    /** The day after the first lesson of each followed requirement in this term, or the term's start. */
    private static LocalDate earliest(ResearchRequirement r, DateSpan term, Map<String, List<LocalDate>> dates) {
        LocalDate earliest = term.start();
        for (String follows : r.follows()) {
            Optional<LocalDate> first = dates.getOrDefault(follows, List.of()).stream()
                    .filter(term::contains).min(LocalDate::compareTo);
            if (first.isPresent() && !first.get().isBefore(earliest)) {
                earliest = first.get().plusDays(1);
            }
        }
        return earliest;
    }

    private List<ResearchSession> planTerm(ResearchRequirement r, DateSpan term, int termNumber, LocalDate earliest) {
        int count = r.onlinePerTerm() + r.offlinePerTerm();
        List<ResearchSession> sessions = new ArrayList<>();
        LocalDate firstMonday = term.start().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long weeks = java.time.temporal.ChronoUnit.WEEKS.between(firstMonday, term.end()) + 1;
        for (int k = 0; k < count; k++) {
            LocalDate from = firstMonday.plusWeeks((k + 1) * weeks / (count + 1));
            if (from.isBefore(earliest)) {
                from = earliest;
            }
            boolean offline = (k + 1) * r.offlinePerTerm() / count > k * r.offlinePerTerm() / count;
            String id = r.id() + "@t" + termNumber + "-" + (k + 1);
            session(r, id, offline, from, term).ifPresent(sessions::add);
        }
        return sessions;
    }

    private Optional<ResearchSession> session(ResearchRequirement r, String id, boolean offline, LocalDate from,
                                              DateSpan term) {
        List<School> schools = schools(r);
        for (LocalDate date = from; !date.isAfter(term.end()); date = date.plusDays(1)) {
            Optional<LocalTime> afterSchool = afterSchool(schools, date);
            if (afterSchool.isPresent() && teachersFree(r, date)) {
                for (TeacherRef p : r.participants()) {
                    teacherDays.add(p.school() + "/" + p.teacher() + "@" + date);
                }
                Community community = county.community(r.community()).orElseThrow();
                String location = offline ? county.school(community.core()).map(School::name).orElse(community.core())
                        : ONLINE;
                LocalTime start = afterSchool.get();
                return Optional.of(new ResearchSession(id, r.id(), r.community(), r.subject(),
                        offline ? ResearchSession.Mode.OFFLINE : ResearchSession.Mode.ONLINE, date, start,
                        start.plusMinutes(r.durationMinutes()), location, r.participants(), r.follows()));
            }
        }
        return Optional.empty();
    }

    private List<School> schools(ResearchRequirement r) {
        List<String> ids = r.participants().isEmpty()
                ? county.community(r.community()).map(Community::schools).orElse(List.of())
                : r.participants().stream().map(TeacherRef::school).distinct().toList();
        return ids.stream().map(id -> county.school(id).orElseThrow()).toList();
    }

    /** When the last school's last period ends, plus a short walk, on a day all of them teach. */
    private static Optional<LocalTime> afterSchool(List<School> schools, LocalDate date) {
        LocalTime latest = LocalTime.MIN;
        for (School s : schools) {
            Optional<DayOfWeek> day = s.calendar().teachingWeekday(date);
            if (day.isEmpty()) {
                return Optional.empty();
            }
            List<Period> periods = s.bellSchedule().periods(day.get());
            if (periods.isEmpty()) {
                return Optional.empty();
            }
            LocalTime end = periods.get(periods.size() - 1).end();
            latest = end.isAfter(latest) ? end : latest;
        }
        LocalTime start = latest.plusMinutes(MINUTES_AFTER_SCHOOL);
        int remainder = start.getMinute() % 5;
        return Optional.of(remainder == 0 ? start : start.plusMinutes(5 - remainder));
    }

    private boolean teachersFree(ResearchRequirement r, LocalDate date) {
        return r.participants().stream().noneMatch(p -> teacherDays.contains(p.school() + "/" + p.teacher() + "@" + date));
    }
}
