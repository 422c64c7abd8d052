package org.tongke.config.generate;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.tongke.config.calendar.SchoolPeriod;
import org.tongke.config.calendar.SlotAligner;
import org.tongke.config.calendar.WeeklySlot;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.school.School;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.TimetableEntry;

/**
 * Makes room in the schools' timetables for the community's lessons, as communities do when
 * they draw up their timetables together (排课表时协商制定同步课堂"一张表"): for each weekly
 * lesson it picks a time that fits every school's bells and where its teachers are free, and
 * turns each room's period then into self-study by moving the lesson that was there to an open
 * period of the same class whose teacher is free. A lesson that finds no such time is left for
 * the scheduler to explain.
 */
final class SyncSlotReservation {
    private final Map<String, School> schools;
    private final Map<String, List<TimetableEntry>> timetables = new HashMap<>();
    private final Map<String, Map<String, Integer>> cellIndex = new HashMap<>();
    private final Set<String> reserved = new HashSet<>();
    private final Map<String, Integer> roomBookings = new HashMap<>();
    private final Random random;

    private SyncSlotReservation(Map<String, School> schools, Random random) {
        this.schools = schools;
        this.random = random;
        schools.forEach((id, school) -> {
            List<TimetableEntry> entries = new ArrayList<>(school.timetable());
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                TimetableEntry e = entries.get(i);
                index.put(cell(e.classId(), e.day(), e.period()), i);
            }
            timetables.put(id, entries);
            cellIndex.put(id, index);
        });
    }

    /** The schools with their timetables changed to leave room for the lessons. */
    static Map<String, School> reserve(Map<String, School> schools, List<LessonRequirement> lessons, Random random) {
        SyncSlotReservation r = new SyncSlotReservation(schools, random);
        // Lessons reaching the most rooms are hardest to fit: they choose first.
        List<LessonRequirement> hardestFirst = new ArrayList<>(lessons);
        hardestFirst.sort(java.util.Comparator.comparingInt((LessonRequirement l) -> -l.schools().size()));
        for (LessonRequirement lesson : hardestFirst) {
            for (int i = 0; i < lesson.perWeek(); i++) {
                r.reserveOne(lesson);
            }
        }
        Map<String, School> changed = new LinkedHashMap<>();
        schools.forEach((id, s) -> changed.put(id, new School(s.id(), s.name(), s.stage(), s.setting(),
                s.bellSchedule(), s.calendar(), s.classes(), s.teachers(), s.classrooms(), r.timetables.get(id))));
        return changed;
    }

    private void reserveOne(LessonRequirement lesson) {
        List<School> participating = lesson.schools().stream().map(schools::get).toList();
        List<WeeklySlot> slots = new ArrayList<>(SlotAligner.align(participating, lesson.durationMinutes()));
        Collections.shuffle(slots, random);
        for (WeeklySlot slot : slots) {
            Optional<List<Runnable>> moves = plan(lesson, slot);
            if (moves.isPresent()) {
                moves.get().forEach(Runnable::run);
                for (SchoolPeriod p : slot.periods()) {
                    roomBookings.merge(p.school() + "@" + slot.day() + "#" + p.period(), 1, Integer::sum);
                }
                for (ClassRef room : rooms(lesson)) {
                    int period = slot.periodAt(room.school()).map(SchoolPeriod::period).orElseThrow();
                    reserved.add(room.school() + "/" + cell(room.classId(), slot.day(), period));
                    if (room.teacher() != null) {
                        reserved.add(room.school() + "/" + cell(room.teacher(), slot.day(), period));
                    }
                }
                return;
            }
        }
    }

    /** The moves that open this time for every room, or empty when some room cannot be opened. */
    private Optional<List<Runnable>> plan(LessonRequirement lesson, WeeklySlot slot) {
        List<Runnable> moves = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (ClassRef room : rooms(lesson)) {
            String schoolId = room.school();
            int period = slot.periodAt(schoolId).map(SchoolPeriod::period).orElseThrow();
            if (roomsTaken(schoolId, slot.day(), period, claimed)
                    || reserved.contains(schoolId + "/" + cell(room.classId(), slot.day(), period))
                    || room.teacher() != null && !freeTeacher(schoolId, room, slot.day(), period, claimed, moves)) {
                return Optional.empty();
            }
            TimetableEntry there = entry(schoolId, room.classId(), slot.day(), period);
            if (there.kind() == SlotKind.LESSON && !there.subject().equals(lesson.subject())
                    && !moveAway(schoolId, there, claimed, moves)) {
                return Optional.empty();
            }
        }
        return Optional.of(moves);
    }

    /** The room's teacher is there then, or another class's lesson of theirs can move to make it so. */
    private boolean freeTeacher(String schoolId, ClassRef room, DayOfWeek day, int period, Set<String> claimed,
                                List<Runnable> moves) {
        if (reserved.contains(schoolId + "/" + cell(room.teacher(), day, period)) || away(schoolId, room.teacher(), day, period)) {
            return false;
        }
        Optional<TimetableEntry> elsewhere = timetables.get(schoolId).stream().filter(e -> e.kind() == SlotKind.LESSON
                && e.day() == day && e.period() == period && e.teacher().equals(room.teacher())
                && !e.classId().equals(room.classId())).findFirst();
        return elsewhere.isEmpty() || moveAway(schoolId, elsewhere.get(), claimed, moves);
    }

    /** Plans moving a lesson to an open period of its class; false when there is none. */
    private boolean moveAway(String schoolId, TimetableEntry lesson, Set<String> claimed, List<Runnable> moves) {
        Optional<TimetableEntry> open = openPeriodFor(schoolId, lesson, claimed);
        if (open.isEmpty()) {
            return false;
        }
        claimed.add(schoolId + "/" + cell(open.get().classId(), open.get().day(), open.get().period()));
        claimed.add(schoolId + "/" + cell(lesson.teacher(), open.get().day(), open.get().period()));
        moves.add(() -> swap(schoolId, lesson, open.get()));
        return true;
    }

    /**
     * True when every recording classroom of the school already holds a lesson then; receiving
     * classes of one school in one lesson share a room, so a school is counted once per lesson.
     */
    private boolean roomsTaken(String schoolId, DayOfWeek day, int period, Set<String> claimed) {
        String key = schoolId + "@" + day + "#" + period;
        if (!claimed.add("room/" + key)) {
            return false;
        }
        return roomBookings.getOrDefault(key, 0) >= schools.get(schoolId).recordingClassrooms().size();
    }

    /** An open period of the same class where the moved lesson's teacher is free and available. */
    private Optional<TimetableEntry> openPeriodFor(String schoolId, TimetableEntry lesson, Set<String> claimed) {
        for (TimetableEntry e : timetables.get(schoolId)) {
            if (e.classId().equals(lesson.classId()) && e.kind() != SlotKind.LESSON
                    && !claimed.contains(schoolId + "/" + cell(e.classId(), e.day(), e.period()))
                    && !reserved.contains(schoolId + "/" + cell(e.classId(), e.day(), e.period()))
                    && !claimed.contains(schoolId + "/" + cell(lesson.teacher(), e.day(), e.period()))
                    && !reserved.contains(schoolId + "/" + cell(lesson.teacher(), e.day(), e.period()))
                    && teacherFree(schoolId, lesson.teacher(), null, e.day(), e.period())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private boolean away(String schoolId, String teacherId, DayOfWeek day, int period) {
        Teacher teacher = schools.get(schoolId).teacher(teacherId).orElse(null);
        return teacher == null || teacher.unavailable().stream().anyMatch(u -> u.weekday() == day
                && (u.wholeDay() || u.periods().contains(period)));
    }

    private boolean teacherFree(String schoolId, String teacherId, String exceptClass, DayOfWeek day, int period) {
        if (away(schoolId, teacherId, day, period)) {
            return false;
        }
        return timetables.get(schoolId).stream().noneMatch(e -> e.kind() == SlotKind.LESSON && e.day() == day
                && e.period() == period && e.teacher().equals(teacherId) && !e.classId().equals(exceptClass));
    }

    /** The lesson goes to the open period; the period it leaves becomes self-study. */
    private void swap(String schoolId, TimetableEntry lesson, TimetableEntry open) {
        set(schoolId, TimetableEntry.lesson(lesson.classId(), open.day(), open.period(), lesson.subject(), lesson.teacher()));
        set(schoolId, TimetableEntry.open(lesson.classId(), lesson.day(), lesson.period(), SlotKind.SELF_STUDY));
    }

    private void set(String schoolId, TimetableEntry entry) {
        int i = cellIndex.get(schoolId).get(cell(entry.classId(), entry.day(), entry.period()));
        timetables.get(schoolId).set(i, entry);
    }

    private TimetableEntry entry(String schoolId, String classId, DayOfWeek day, int period) {
        return timetables.get(schoolId).get(cellIndex.get(schoolId).get(cell(classId, day, period)));
    }

    private static List<ClassRef> rooms(LessonRequirement lesson) {
        List<ClassRef> rooms = new ArrayList<>(lesson.receivers());
        rooms.add(0, lesson.host());
        return rooms;
    }

    private static String cell(String who, DayOfWeek day, int period) {
        return who + "@" + day + "#" + period;
    }
}
