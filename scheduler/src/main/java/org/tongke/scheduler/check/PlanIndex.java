package org.tongke.scheduler.check;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * The plan indexed by date, by teacher and by lesson, so that every question the checker asks
 * of it costs a look-up instead of a pass over tens of thousands of occurrences.
 */
final class PlanIndex {
    private final Map<String, WeeklyLesson> weekly = new HashMap<>();
    private final Map<LocalDate, List<Occurrence>> byDate = new TreeMap<>();
    private final Map<String, List<Occurrence>> byTeacherDate = new HashMap<>();
    private final Map<String, LocalDateTime> firstEnd = new HashMap<>();

    PlanIndex(Plan plan) {
        plan.weekly().forEach(w -> weekly.putIfAbsent(w.id(), w));
        for (Occurrence o : plan.occurrences()) {
            byDate.computeIfAbsent(o.date(), d -> new ArrayList<>()).add(o);
            for (Participant p : o.participants()) {
                if (p.teacher() != null) {
                    byTeacherDate.computeIfAbsent(teacherKey(p.school(), p.teacher(), o.date()), k -> new ArrayList<>())
                            .add(o);
                }
            }
            LocalDateTime end = o.date().atTime(o.end() == null ? java.time.LocalTime.MIN : o.end());
            firstEnd.merge("weekly\u0000" + o.weekly(), end, PlanIndex::earlier);
            if (o.requirement() != null) {
                firstEnd.merge("requirement\u0000" + o.requirement(), end, PlanIndex::earlier);
            }
        }
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static String teacherKey(String school, String teacher, LocalDate date) {
        return school + '\u0000' + teacher + '\u0000' + date;
    }

    Optional<WeeklyLesson> weekly(String id) {
        return Optional.ofNullable(weekly.get(id));
    }

    /** Occurrences grouped by date, dates in order. */
    Map<LocalDate, List<Occurrence>> byDate() {
        return byDate;
    }

    /** The occurrences a teacher takes part in on a date, as lead or assistant teacher. */
    List<Occurrence> teacherOn(String school, String teacher, LocalDate date) {
        return byTeacherDate.getOrDefault(teacherKey(school, teacher, date), List.of());
    }

    /**
     * When the first occurrence of a lesson ends. {@code lesson} is a requirement id, or a weekly
     * lesson id when it holds a '#'.
     */
    Optional<LocalDateTime> firstLessonEnd(String lesson) {
        String kind = lesson.indexOf('#') >= 0 ? "weekly" : "requirement";
        return Optional.ofNullable(firstEnd.get(kind + '\u0000' + lesson));
    }
}
