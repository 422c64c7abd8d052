package org.tongke.config.generate;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.TimetableEntry;
import org.tongke.config.school.Unavailability;

/**
 * Places every weekly period of every assignment into a school's week, greedily: the busiest
 * teachers first, each period on the day where the class has that subject least, core subjects
 * in the morning, never a class or a teacher twice at once, never a teacher in a meeting. When
 * a period finds no place the whole week is drawn again; what no class needs becomes self-study
 * (自习), or nothing (空) at the end of the day.
 */
final class TimetablePlacer {
    static final List<DayOfWeek> WEEK = List.of(
            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    static final int MAX_ATTEMPTS = 200;

    private final List<SchoolClass> classes;
    private final List<Assignment> assignments;
    private final List<Teacher> teachers;
    private final BellSchedule bells;
    private final Random random;
    private final int width;

    private TimetablePlacer(List<SchoolClass> classes, List<Assignment> assignments, List<Teacher> teachers,
                            BellSchedule bells, Random random) {
        this.classes = classes;
        this.assignments = assignments;
        this.teachers = teachers;
        this.bells = bells;
        this.random = random;
        this.width = WEEK.stream().mapToInt(d -> bells.periods(d).size()).max().orElse(0);
    }

    static List<TimetableEntry> place(String schoolId, List<SchoolClass> classes, List<Assignment> assignments,
                                      List<Teacher> teachers, BellSchedule bells, Random random) {
        TimetablePlacer placer = new TimetablePlacer(classes, assignments, teachers, bells, random);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Assignment[][] week = placer.attempt();
            if (week != null) {
                return placer.entries(week);
            }
        }
        throw new IllegalStateException("could not place the timetable of " + schoolId + " in " + MAX_ATTEMPTS
                + " attempts; the generator asked for more periods than the week holds");
    }

    /** One try: for each class, the assignment in each slot; null when some period found no place. */
    private Assignment[][] attempt() {
        Map<String, Integer> classIndex = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            classIndex.put(classes.get(i).id(), i);
        }
        Assignment[][] week = new Assignment[classes.size()][WEEK.size() * width];
        Map<String, boolean[]> teacherBusy = new HashMap<>();
        teachers.forEach(t -> teacherBusy.put(t.id(), blocked(t)));
        for (Assignment a : busiestTeachersFirst()) {
            Assignment[] classWeek = week[classIndex.get(a.classId())];
            for (int h = 0; h < a.hours(); h++) {
                int slot = bestSlot(a, classWeek, teacherBusy.get(a.teacher()));
                if (slot < 0) {
                    return null;
                }
                classWeek[slot] = a;
                teacherBusy.get(a.teacher())[slot] = true;
            }
        }
        return week;
    }

    private List<Assignment> busiestTeachersFirst() {
        Map<String, Integer> load = new HashMap<>();
        assignments.forEach(a -> load.merge(a.teacher(), a.hours(), Integer::sum));
        List<Assignment> ordered = new ArrayList<>(assignments);
        ordered.sort(Comparator.comparing((Assignment a) -> -load.get(a.teacher())).thenComparing(Assignment::teacher));
        return ordered;
    }

    /** Slots a teacher is away every week (a subject group's meeting), and slots no day has. */
    private boolean[] blocked(Teacher teacher) {
        boolean[] busy = new boolean[WEEK.size() * width];
        for (int d = 0; d < WEEK.size(); d++) {
            for (int p = bells.periods(WEEK.get(d)).size() + 1; p <= width; p++) {
                busy[slot(d, p)] = true;
            }
        }
        for (Unavailability u : teacher.unavailable()) {
            if (u.weekday() == null || !WEEK.contains(u.weekday())) {
                continue;
            }
            int d = WEEK.indexOf(u.weekday());
            for (int p = 1; p <= width; p++) {
                if (u.wholeDay() || u.periods().contains(p)) {
                    busy[slot(d, p)] = true;
                }
            }
        }
        return busy;
    }

    private int bestSlot(Assignment a, Assignment[] classWeek, boolean[] teacherBusy) {
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        for (int d = 0; d < WEEK.size(); d++) {
            int sameSubject = countOnDay(classWeek, d, a.subject());
            for (int p = 1; p <= bells.periods(WEEK.get(d)).size(); p++) {
                int s = slot(d, p);
                if (classWeek[s] != null || teacherBusy[s]) {
                    continue;
                }
                int score = sameSubject * 100 + (Curriculum.isCore(a.subject()) ? 3 * p : 0) + random.nextInt(8);
                if (score < bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
        }
        return best;
    }

    private int countOnDay(Assignment[] classWeek, int d, String subject) {
        int count = 0;
        for (int p = 1; p <= width; p++) {
            Assignment a = classWeek[slot(d, p)];
            if (a != null && a.subject().equals(subject)) {
                count++;
            }
        }
        return count;
    }

    private List<TimetableEntry> entries(Assignment[][] week) {
        List<TimetableEntry> entries = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            String classId = classes.get(c).id();
            for (int d = 0; d < WEEK.size(); d++) {
                int last = bells.periods(WEEK.get(d)).size();
                for (int p = 1; p <= last; p++) {
                    Assignment a = week[c][slot(d, p)];
                    entries.add(a != null
                            ? TimetableEntry.lesson(classId, WEEK.get(d), p, a.subject(), a.teacher())
                            : TimetableEntry.open(classId, WEEK.get(d), p, p == last ? SlotKind.FREE : SlotKind.SELF_STUDY));
                }
            }
        }
        return entries;
    }

    private int slot(int day, int period) {
        return day * width + period - 1;
    }
}
