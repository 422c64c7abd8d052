package org.tongke.scheduler.replan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tongke.config.county.County;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.scheduler.plan.Cancellation;
import org.tongke.scheduler.plan.ComplianceReport;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.OccurrenceExpander;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchPlanner;
import org.tongke.scheduler.plan.Unplaced;
import org.tongke.scheduler.plan.WeeklyLesson;
import org.tongke.scheduler.plan.WeeklyLessonFactory;
import org.tongke.scheduler.slot.Candidate;
import org.tongke.scheduler.slot.CandidateFinder;

/**
 * Re-plans around absences with everything else pinned: only the dated lessons an absence
 * touches change. A lesson whose recording classroom is out of service moves to another room of
 * its school at the same time if one is free; otherwise, and when a teacher is away, it moves to
 * the nearest time of the same week that fits every school and that nobody else holds; failing
 * that it is cancelled. Every change says why.
 */
public final class Replanner {
    private final County county;
    private final CandidateFinder finder;
    private final Map<String, List<Candidate>> candidates = new HashMap<>();

    /** The new plan and what changed. */
    public record Result(Plan plan, List<PlanChange> changes) {
    }

    public Replanner(County county) {
        this.county = county;
        this.finder = new CandidateFinder(county);
    }

    public Result replan(Plan plan, List<Absence> absences) {
        DayBookings bookings = new DayBookings(plan.occurrences());
        List<Occurrence> occurrences = new ArrayList<>();
        List<Cancellation> cancellations = new ArrayList<>(plan.cancellations());
        List<PlanChange> changes = new ArrayList<>();
        for (Occurrence o : plan.occurrences()) {
            List<Absence> touching = absences.stream().filter(a -> touches(a, o.date(), o.participants())).toList();
            if (touching.isEmpty()) {
                occurrences.add(o);
                continue;
            }
            String why = touching.stream().map(this::describe).distinct().collect(Collectors.joining("; "));
            bookings.remove(o);
            List<Absence> thatDay = absences.stream().filter(a -> a.covers(o.date())).toList();
            Optional<Occurrence> kept = otherRoom(o, thatDay, bookings, why, changes)
                    .or(() -> otherTime(o, absences, bookings, why, changes));
            if (kept.isPresent()) {
                bookings.add(kept.get());
                occurrences.add(kept.get());
            } else {
                cancellations.add(new Cancellation(o.weekly(), o.date(), why + "; no other time that week fits"));
                changes.add(new PlanChange(o.id(), PlanChange.Type.CANCELLED, o.date(), o.start(), null, null, null,
                        why + "; no other time that week fits every school and the people in it"));
            }
        }
        if (changes.isEmpty()) {
            return new Result(plan, changes);
        }
        // Research follows the lessons it discusses: re-date it over the changed lessons.
        var research = new ResearchPlanner(county).plan(occurrences);
        List<Unplaced> unplaced = new ArrayList<>(plan.unplaced().stream().filter(u -> u.weekly().contains("#")).toList());
        unplaced.addAll(research.unplaced());
        var compliance = new ComplianceReport(county).report(occurrences, research.sessions());
        return new Result(new Plan(plan.county(), plan.score(), plan.weekly(), occurrences, cancellations,
                research.sessions(), unplaced, compliance), changes);
    }

    /** Same time, another recording classroom, when only rooms are out of service. */
    private Optional<Occurrence> otherRoom(Occurrence o, List<Absence> thatDay, DayBookings bookings, String why,
                                           List<PlanChange> changes) {
        if (thatDay.stream().anyMatch(a -> a.kind() == Absence.Kind.TEACHER && touches(a, o.date(), o.participants()))) {
            return Optional.empty();
        }
        List<Absence> touching = thatDay;
        List<Participant> rooms = new ArrayList<>();
        for (Participant p : o.participants()) {
            if (!roomOut(touching, p)) {
                rooms.add(p);
                continue;
            }
            var school = county.school(p.school()).orElseThrow();
            Optional<Participant> moved = school.recordingClassrooms().stream()
                    .map(room -> withRoom(p, room.id()))
                    .filter(q -> !roomOut(touching, q) && !bookings.taken(o.date(), o.start(), o.end(), List.of(q), o.id()))
                    .findFirst();
            if (moved.isEmpty()) {
                return Optional.empty();
            }
            rooms.add(moved.get());
        }
        Occurrence changed = new Occurrence(o.id(), o.weekly(), o.requirement(), o.community(), o.kind(), o.subject(),
                o.date(), o.timetableDay(), o.start(), o.end(), rooms.get(0), rooms.subList(1, rooms.size()), o.moved());
        String newRooms = rooms.stream().filter(p -> !o.participants().contains(p))
                .map(p -> p.school() + "/" + p.classroom()).collect(Collectors.joining(", "));
        changes.add(new PlanChange(o.id(), PlanChange.Type.ROOM_CHANGED, o.date(), o.start(), o.date(), o.start(),
                newRooms, why));
        return Optional.of(changed);
    }

    /** The nearest other time of the same week at which the lesson fits and nobody is taken. */
    private Optional<Occurrence> otherTime(Occurrence o, List<Absence> absences, DayBookings bookings, String why,
                                           List<PlanChange> changes) {
        LessonRequirement requirement = county.lessons().stream().filter(l -> l.id().equals(o.requirement()))
                .findFirst().orElse(null);
        if (requirement == null) {
            return Optional.empty();
        }
        List<Candidate> options = candidates.computeIfAbsent(requirement.id(), id -> finder.find(requirement).candidates());
        LocalDate monday = o.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> week = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            week.add(monday.plusDays(i));
        }
        week.sort(Comparator.comparingLong((LocalDate d) -> Math.abs(d.toEpochDay() - o.date().toEpochDay())));
        WeeklyLessonFactory factory = new WeeklyLessonFactory(county);
        for (LocalDate date : week) {
            for (Candidate c : options) {
                // A one-date move does not move other lessons about: times that need a swap are left out.
                if (!c.swapBookings().isEmpty() || date.equals(o.date()) && c.slot().start().equals(o.start())
                        || !everySchoolFollows(requirement, date, c)) {
                    continue;
                }
                WeeklyLesson at = factory.lesson(new WeeklyLessonFactory.Placed(o.weekly(), requirement, c));
                if (absences.stream().noneMatch(a -> touches(a, date, at.participants()))
                        && at.participants().stream().noneMatch(p -> awayOn(p, date))
                        && !bookings.taken(date, at.start(), at.end(), at.participants(), o.id())) {
                    changes.add(new PlanChange(o.id(), PlanChange.Type.MOVED, o.date(), o.start(), date, at.start(),
                            null, why));
                    // A date moved twice still names the date and time of the weekly pattern it left.
                    Occurrence.Moved from = o.moved() != null ? new Occurrence.Moved(o.moved().fromDate(),
                            o.moved().fromStart(), why) : new Occurrence.Moved(o.date(), o.start(), why);
                    return Optional.of(new Occurrence(o.id(), o.weekly(), o.requirement(), o.community(), o.kind(),
                            o.subject(), date, c.slot().day(), at.start(), at.end(), at.host(), at.receivers(), from));
                }
            }
        }
        return Optional.empty();
    }

    private boolean everySchoolFollows(LessonRequirement requirement, LocalDate date, Candidate c) {
        return requirement.schools().stream().allMatch(s -> county.school(s).orElseThrow().calendar()
                .teachingWeekday(date).filter(d -> d == c.slot().day()).isPresent());
    }

    private boolean awayOn(Participant p, LocalDate date) {
        return p.teacher() != null && county.school(p.school()).flatMap(s -> s.teacher(p.teacher()))
                .map(t -> t.unavailable().stream().anyMatch(u -> OccurrenceExpander.awayAt(u, date, p.period())))
                .orElse(false);
    }

    private static boolean touches(Absence a, LocalDate date, List<Participant> rooms) {
        if (!a.covers(date)) {
            return false;
        }
        return rooms.stream().anyMatch(p -> p.school().equals(a.school()) && (a.kind() == Absence.Kind.TEACHER
                ? a.id().equals(p.teacher()) : a.id().equals(p.classroom())));
    }

    private static boolean roomOut(List<Absence> touching, Participant p) {
        return touching.stream().anyMatch(a -> a.kind() == Absence.Kind.CLASSROOM && a.school().equals(p.school())
                && a.id().equals(p.classroom()));
    }

    private static Participant withRoom(Participant p, String room) {
        return new Participant(p.school(), p.schoolName(), room, p.classId(), p.className(), p.teacher(), p.period(),
                p.periodStart(), p.periodEnd(), p.displaces(), p.swap());
    }

    private String describe(Absence a) {
        var school = county.school(a.school());
        String name = school.map(s -> a.kind() == Absence.Kind.TEACHER
                ? s.teacher(a.id()).map(t -> t.name()).orElse(a.id()) + " (" + s.name() + ") is away"
                : s.classroom(a.id()).map(c -> c.name()).orElse(a.id()) + " of " + s.name() + " is out of service")
                .orElse(a.id() + " of " + a.school() + " is unavailable");
        return a.reason().isEmpty() ? name : name + ": " + a.reason();
    }
}
