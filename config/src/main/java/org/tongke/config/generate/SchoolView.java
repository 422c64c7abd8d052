package org.tongke.config.generate;

import java.util.List;
import java.util.TreeSet;
import org.tongke.config.calendar.Period;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.TimetableEntry;

/** What planning lessons across schools asks of a generated school. */
record SchoolView(School school) {
    String id() {
        return school.id();
    }

    /** Grades the school has at least one class in, lowest first. */
    TreeSet<Integer> grades() {
        TreeSet<Integer> grades = new TreeSet<>();
        school.classes().forEach(c -> grades.add(c.grade()));
        return grades;
    }

    List<SchoolClass> classesIn(int grade) {
        return school.classes().stream().filter(c -> c.grade() == grade).toList();
    }

    boolean hasGrade(int grade) {
        return school.classes().stream().anyMatch(c -> c.grade() == grade);
    }

    /** Who teaches this class the subject now, read from the existing timetable. */
    String teacherOf(String classId, String subject) {
        return school.timetable().stream()
                .filter(e -> e.kind() == SlotKind.LESSON && e.classId().equals(classId) && e.subject().equals(subject))
                .map(TimetableEntry::teacher)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("nobody teaches " + subject + " to " + classId + " at " + id()));
    }

    /** The shortest period of the week: a lesson this long fits any of the school's periods. */
    int shortestPeriod() {
        return school.bellSchedule().days().values().stream().flatMap(List::stream)
                .mapToInt(Period::minutes).min().orElseThrow();
    }

    TreeSet<Integer> gradesSharedWith(SchoolView other) {
        TreeSet<Integer> shared = grades();
        shared.retainAll(other.grades());
        if (shared.isEmpty()) {
            throw new IllegalStateException(id() + " and " + other.id() + " share no grade");
        }
        return shared;
    }
}
