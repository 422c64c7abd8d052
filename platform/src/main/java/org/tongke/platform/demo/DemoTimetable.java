package org.tongke.platform.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tongke.config.county.County;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonKind;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * The demo's timetable: a few synchronized lessons of the county's own requirements, between its
 * real paired schools, moved to today and starting within the next minutes, so that a newcomer
 * sees a lesson's whole way without waiting for the term. Each lesson uses recording classrooms
 * no other demo lesson uses, since a classroom's agent records one lesson at a time.
 */
public final class DemoTimetable {
    private final County county;

    public DemoTimetable(County county) {
        this.county = county;
    }

    /**
     * {@code count} lessons, the first starting at {@code firstStart}, each {@code length} long
     * and starting {@code gap} after the one before; dates and times in the county's zone as
     * {@code firstStart} gives them.
     */
    public Plan plan(int count, ZonedDateTime firstStart, Duration length, Duration gap) {
        List<WeeklyLesson> weekly = new ArrayList<>();
        List<Occurrence> occurrences = new ArrayList<>();
        Set<String> classroomsUsed = new HashSet<>();
        for (LessonRequirement requirement : county.lessons()) {
            if (occurrences.size() == count) {
                break;
            }
            if (requirement.kind() != LessonKind.SYNCHRONIZED) {
                continue;
            }
            ZonedDateTime start = firstStart.plus(gap.multipliedBy(occurrences.size()));
            LocalDate date = start.toLocalDate();
            LocalTime from = start.toLocalTime().withNano(0);
            LocalTime to = from.plus(length);
            Optional<List<Participant>> rooms = rooms(requirement, classroomsUsed, from, to);
            if (rooms.isEmpty()) {
                continue;
            }
            List<Participant> all = rooms.get();
            String weeklyId = WeeklyLesson.id(requirement.id(), 1);
            weekly.add(new WeeklyLesson(weeklyId, requirement.id(), requirement.community(), requirement.kind(),
                    requirement.subject(), date.getDayOfWeek(), from, to, all.get(0), all.subList(1, all.size())));
            occurrences.add(new Occurrence(Occurrence.id(weeklyId, date), weeklyId, requirement.id(),
                    requirement.community(), requirement.kind(), requirement.subject(), date, date.getDayOfWeek(),
                    from, to, all.get(0), all.subList(1, all.size()), null));
            all.forEach(p -> classroomsUsed.add(p.school() + "/" + p.classroom()));
        }
        if (occurrences.size() < count) {
            throw new IllegalStateException("county " + county.id() + " has only " + occurrences.size()
                    + " synchronized lessons whose schools all have recording classrooms; " + count + " were asked for");
        }
        return new Plan(county.id(), "demo", weekly, occurrences, List.of(), List.of(), List.of(), List.of());
    }

    /** Host first: each school's first recording classroom not used yet, or empty when one has none. */
    private Optional<List<Participant>> rooms(LessonRequirement requirement, Set<String> used, LocalTime from,
                                              LocalTime to) {
        List<ClassRef> refs = new ArrayList<>();
        refs.add(requirement.host());
        refs.addAll(requirement.receivers());
        List<Participant> rooms = new ArrayList<>();
        Set<String> mine = new HashSet<>();
        for (ClassRef ref : refs) {
            School school = county.school(ref.school()).orElse(null);
            if (school == null) {
                return Optional.empty();
            }
            Optional<Classroom> room = school.recordingClassrooms().stream()
                    .filter(c -> !used.contains(school.id() + "/" + c.id()) && !mine.contains(school.id() + "/" + c.id()))
                    .findFirst();
            if (room.isEmpty()) {
                return Optional.empty();
            }
            mine.add(school.id() + "/" + room.get().id());
            String className = school.schoolClass(ref.classId()).map(c -> c.name()).orElse(ref.classId());
            rooms.add(new Participant(school.id(), school.name(), room.get().id(), ref.classId(), className,
                    ref.teacher(), 0, from, to, Participant.Displaces.FREE, null));
        }
        return Optional.of(rooms);
    }
}
