package org.tongke.scheduler.plan;

import org.tongke.config.calendar.WeeklySlot;
import org.tongke.config.calendar.SchoolPeriod;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongke.config.county.County;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.School;
import org.tongke.scheduler.slot.Candidate;

/**
 * Turns placed lessons (requirement, index, chosen time) into the weekly pattern, choosing in
 * each school the recording classroom each lesson runs in: the first one free at that time.
 */
public final class WeeklyLessonFactory {
    private final County county;
    private final Map<String, List<Booking>> roomBookings = new HashMap<>();
    private final Map<String, String> roomOfLesson = new HashMap<>();

    /** A placed lesson before it has rooms. */
    public record Placed(String id, LessonRequirement requirement, Candidate candidate) {
    }

    private record Booking(String room, java.time.DayOfWeek day, LocalTime start, LocalTime end) {
    }

    public WeeklyLessonFactory(County county) {
        this.county = county;
    }

    public List<WeeklyLesson> create(List<Placed> placed) {
        List<Placed> ordered = new ArrayList<>(placed);
        ordered.sort(Comparator.comparing((Placed p) -> p.candidate().slot().day())
                .thenComparing(p -> p.candidate().slot().start()).thenComparing(Placed::id));
        List<WeeklyLesson> lessons = new ArrayList<>();
        for (Placed p : ordered) {
            lessons.add(lesson(p));
        }
        lessons.sort(Comparator.comparing(WeeklyLesson::id));
        return lessons;
    }

    private WeeklyLesson lesson(Placed p) {
        LessonRequirement r = p.requirement();
        var slot = p.candidate().slot();
        List<ClassRef> rooms = new ArrayList<>(r.receivers());
        rooms.add(0, r.host());
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            participants.add(participant(rooms.get(i), p, p.candidate().displaces().get(i)));
        }
        return new WeeklyLesson(p.id(), r.id(), r.community(), r.kind(), r.subject(), slot.day(), slot.start(),
                slot.end(), participants.get(0), participants.subList(1, participants.size()));
    }

    private Participant participant(ClassRef room, Placed p, Participant.Displaces displaces) {
        School school = county.school(room.school()).orElseThrow();
        SchoolPeriod period = p.candidate().slot().periodAt(room.school()).orElseThrow();
        String className = school.schoolClass(room.classId()).map(c -> c.name()).orElse(room.classId());
        return new Participant(school.id(), school.name(), recordingRoom(school, p), room.classId(), className,
                room.teacher(), period.period(), period.start(), period.end(), displaces);
    }

    /** Two receiving classes of one school in one lesson sit in the same room. */
    private String recordingRoom(School school, Placed p) {
        return roomOfLesson.computeIfAbsent(p.id() + "/" + school.id(), key -> freeRoom(school, p.candidate().slot()));
    }

    private String freeRoom(School school, WeeklySlot slot) {
        List<Booking> booked = roomBookings.computeIfAbsent(school.id(), id -> new ArrayList<>());
        for (Classroom room : school.recordingClassrooms()) {
            boolean busy = booked.stream().anyMatch(b -> b.room().equals(room.id()) && b.day() == slot.day()
                    && b.start().isBefore(slot.end()) && slot.start().isBefore(b.end()));
            if (!busy) {
                booked.add(new Booking(room.id(), slot.day(), slot.start(), slot.end()));
                return room.id();
            }
        }
        // Every room is taken at that time; the plan checker reports the double booking.
        return school.recordingClassrooms().get(0).id();
    }
}
