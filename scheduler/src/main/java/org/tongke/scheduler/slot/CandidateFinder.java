package org.tongke.scheduler.slot;

import org.tongke.config.calendar.WeeklySlot;
import org.tongke.config.calendar.SlotAligner;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongke.config.county.County;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.school.School;
import org.tongke.config.school.Setting;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.TimetableEntry;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Participant.Displaces;

/**
 * The weekly times each requirement's lessons may take, before any lesson is placed: aligned
 * across the schools' bell schedules ({@link SlotAligner}), then kept only where every class is
 * free, in self-study or in its own period of the subject, and every teacher is free and
 * available. When nothing is left, it says why in words.
 */
public final class CandidateFinder {
    private final County county;
    private final TimetableIndex.Cache timetables;

    public CandidateFinder(County county) {
        this.county = county;
        this.timetables = new TimetableIndex.Cache(county.schools());
    }

    /** The candidates, or none and the reason. */
    public record Result(LessonRequirement requirement, List<Candidate> candidates, String whyNone) {
    }

    public Result find(LessonRequirement requirement) {
        List<School> schools = requirement.schools().stream().map(timetables::school).toList();
        for (School s : schools) {
            if (s.recordingClassrooms().isEmpty()) {
                return none(requirement, s.name() + " (" + s.id() + ") has no recording classroom");
            }
        }
        List<WeeklySlot> aligned = SlotAligner.align(schools, requirement.durationMinutes());
        if (aligned.isEmpty()) {
            return none(requirement, Explanations.noAlignedPeriod(requirement, schools));
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> refusals = new LinkedHashMap<>();
        for (WeeklySlot slot : aligned) {
            Optional<String> refusal = refusal(requirement, slot);
            if (refusal.isPresent()) {
                refusals.merge(refusal.get(), 1, Integer::sum);
            } else {
                for (List<String> rooms : roomChoices(requirement)) {
                    candidates.add(candidate(requirement, slot, rooms));
                }
            }
        }
        if (candidates.isEmpty()) {
            return none(requirement, Explanations.allTimesTaken(aligned.size(), refusals));
        }
        return new Result(requirement, candidates, null);
    }

    /**
     * The candidates at exactly this weekly time, or why the existing timetables forbid it; for
     * a person who picks the time by hand.
     */
    public Result at(LessonRequirement requirement, WeeklySlot slot) {
        Optional<String> refusal = refusal(requirement, slot);
        if (refusal.isPresent()) {
            return none(requirement, refusal.get());
        }
        return new Result(requirement, roomChoices(requirement).stream().map(r -> candidate(requirement, slot, r)).toList(),
                null);
    }

    private static Result none(LessonRequirement requirement, String why) {
        return new Result(requirement, List.of(), why);
    }

    /** Why the existing timetables forbid this time, or empty when they allow it. */
    private Optional<String> refusal(LessonRequirement requirement, WeeklySlot slot) {
        List<ClassRef> rooms = rooms(requirement);
        for (ClassRef room : rooms) {
            School school = timetables.school(room.school());
            int period = slot.periodAt(room.school()).orElseThrow().period();
            Optional<String> why = classRefusal(school, room, requirement, slot.day(), period)
                    .or(() -> teacherRefusal(school, room, slot.day(), period));
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    private Optional<String> classRefusal(School school, ClassRef room, LessonRequirement requirement, DayOfWeek day,
                                          int period) {
        Optional<TimetableEntry> entry = otherSubject(school, room, requirement.subject(), day, period);
        if (entry.isEmpty() || swap(school, room, requirement, entry.get()).isPresent()) {
            return Optional.empty();
        }
        String noSwap = swappable(room, requirement) ? " and no open period to move it to" : "";
        return Optional.of(Explanations.className(school, room.classId()) + " has " + entry.get().subject() + " then"
                + noSwap);
    }

    private Optional<TimetableEntry> otherSubject(School school, ClassRef room, String subject, DayOfWeek day, int period) {
        return timetables.of(school.id()).classAt(room.classId(), day, period)
                .filter(e -> e.kind() == SlotKind.LESSON && !e.subject().equals(subject));
    }

    /** Only a receiving class's period is swapped, and only when the requirement allows it. */
    private static boolean swappable(ClassRef room, LessonRequirement requirement) {
        return requirement.allowSwap() && room != requirement.host();
    }

    private Optional<Participant.Swap> swap(School school, ClassRef room, LessonRequirement requirement,
                                            TimetableEntry lesson) {
        return swappable(room, requirement) ? SwapFinder.find(school, timetables.of(school.id()), lesson) : Optional.empty();
    }

    private Optional<String> teacherRefusal(School school, ClassRef room, DayOfWeek day, int period) {
        if (room.teacher() == null) {
            return Optional.empty();
        }
        Optional<TimetableEntry> teaching = timetables.of(school.id()).teacherAt(room.teacher(), day, period);
        if (teaching.isPresent() && !teaching.get().classId().equals(room.classId())) {
            return Optional.of(Explanations.teacherName(school, room.teacher()) + " teaches "
                    + Explanations.className(school, teaching.get().classId()) + " then");
        }
        Optional<Teacher> teacher = school.teacher(room.teacher());
        boolean away = teacher.isPresent() && teacher.get().unavailable().stream().anyMatch(u -> u.weekday() == day
                && (u.wholeDay() || u.periods().contains(period)));
        return away ? Optional.of(Explanations.teacherName(school, room.teacher()) + " is unavailable then")
                : Optional.empty();
    }

    /**
     * Every way to pick one recording classroom per school of the lesson, given room by room
     * (receiving classes of one school share its room).
     */
    private List<List<String>> roomChoices(LessonRequirement requirement) {
        List<List<String>> choices = List.of(List.of());
        Map<String, Integer> position = new LinkedHashMap<>();
        for (String school : requirement.schools()) {
            position.put(school, position.size());
            List<List<String>> longer = new ArrayList<>();
            for (List<String> chosen : choices) {
                for (var room : timetables.school(school).recordingClassrooms()) {
                    List<String> next = new ArrayList<>(chosen);
                    next.add(school + "/" + room.id());
                    longer.add(next);
                }
            }
            choices = longer;
        }
        List<List<String>> byRoom = new ArrayList<>();
        for (List<String> perSchool : choices) {
            byRoom.add(rooms(requirement).stream().map(r -> perSchool.get(position.get(r.school()))).toList());
        }
        return byRoom;
    }

    private Candidate candidate(LessonRequirement requirement, WeeklySlot slot, List<String> rooms) {
        List<Displaces> displaces = new ArrayList<>();
        List<Participant.Swap> swaps = new ArrayList<>();
        List<SwapBooking> swapBookings = new ArrayList<>();
        int notOwn = 0;
        int edges = 0;
        for (ClassRef room : rooms(requirement)) {
            School school = timetables.school(room.school());
            int period = slot.periodAt(room.school()).orElseThrow().period();
            Optional<TimetableEntry> other = otherSubject(school, room, requirement.subject(), slot.day(), period);
            Participant.Swap swap = other.flatMap(e -> swap(school, room, requirement, e)).orElse(null);
            Displaces d = swap != null ? Displaces.SWAPPED
                    : displaces(timetables.of(school.id()).classAt(room.classId(), slot.day(), period), requirement.subject());
            displaces.add(d);
            swaps.add(swap);
            if (swap != null) {
                swapBookings.addAll(SwapFinder.bookings(school, room.classId(), swap));
            }
            if (room != requirement.host() && d != Displaces.SAME_SUBJECT) {
                // A swap moves a second lesson: it costs twice a free period.
                notOwn += d == Displaces.SWAPPED ? 2 : 1;
            }
            int last = school.bellSchedule().periods(slot.day()).size();
            if (school.setting() == Setting.RURAL && (period == 1 || period == last)) {
                edges++;
            }
        }
        return new Candidate(requirement.id(), slot, displaces, rooms, swaps, swapBookings, notOwn, edges);
    }

    static Displaces displaces(Optional<TimetableEntry> entry, String subject) {
        if (entry.isEmpty() || entry.get().kind() == SlotKind.FREE) {
            return Displaces.FREE;
        }
        if (entry.get().kind() == SlotKind.SELF_STUDY) {
            return Displaces.SELF_STUDY;
        }
        if (entry.get().subject().equals(subject)) {
            return Displaces.SAME_SUBJECT;
        }
        throw new IllegalArgumentException("a lesson of " + entry.get().subject() + " is not displaced by " + subject);
    }

    /** Host room first, then each receiving room. */
    static List<ClassRef> rooms(LessonRequirement requirement) {
        List<ClassRef> rooms = new ArrayList<>();
        rooms.add(requirement.host());
        rooms.addAll(requirement.receivers());
        return rooms;
    }
}
