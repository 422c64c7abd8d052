package org.tongke.scheduler.slot;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongke.config.school.School;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.TimetableEntry;

/** A school's existing weekly timetable, looked up by class or by teacher and period. */
public final class TimetableIndex {
    private final Map<String, TimetableEntry> byClass = new HashMap<>();
    private final Map<String, TimetableEntry> byTeacher = new HashMap<>();

    public TimetableIndex(School school) {
        for (TimetableEntry e : school.timetable()) {
            byClass.put(key(e.classId(), e.day(), e.period()), e);
            if (e.kind() == SlotKind.LESSON) {
                byTeacher.put(key(e.teacher(), e.day(), e.period()), e);
            }
        }
    }

    /** What the class has in that period; empty when the timetable says nothing (free). */
    public Optional<TimetableEntry> classAt(String classId, DayOfWeek day, int period) {
        return Optional.ofNullable(byClass.get(key(classId, day, period)));
    }

    /** The lesson the teacher teaches in that period, if any. */
    public Optional<TimetableEntry> teacherAt(String teacher, DayOfWeek day, int period) {
        return Optional.ofNullable(byTeacher.get(key(teacher, day, period)));
    }

    private static String key(String who, DayOfWeek day, int period) {
        return who + '@' + day + '#' + period;
    }

    /** One index per school, built on first use. */
    public static final class Cache {
        private final Map<String, TimetableIndex> indexes = new HashMap<>();
        private final Map<String, School> schools = new HashMap<>();

        public Cache(List<School> schools) {
            schools.forEach(s -> this.schools.put(s.id(), s));
        }

        public TimetableIndex of(String school) {
            return indexes.computeIfAbsent(school, id -> new TimetableIndex(schools.get(id)));
        }

        public School school(String id) {
            return schools.get(id);
        }
    }
}
