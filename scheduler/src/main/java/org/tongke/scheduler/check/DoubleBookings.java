package org.tongke.scheduler.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;

/**
 * No teacher, class or recording classroom is in two occurrences at overlapping times. Each
 * date's occurrences are grouped by what they use and each group swept in start order, so the
 * cost grows with the plan's size times a logarithm, not with its square.
 */
final class DoubleBookings {
    private static final Comparator<Occurrence> START_ORDER = Comparator.comparing(Occurrence::start)
            .thenComparing(Occurrence::end).thenComparing(Occurrence::id, Comparator.naturalOrder());

    /** Reports in a stable order: teachers, classes, rooms, each by school and id. */
    private static final Comparator<Used> USED_ORDER = Comparator.comparing(Used::kind)
            .thenComparing(Used::school).thenComparing(Used::id);

    private final CountyIndex county;
    private final Findings found;

    DoubleBookings(CountyIndex county, Findings found) {
        this.county = county;
        this.found = found;
    }

    private enum Kind { TEACHER, CLASS, ROOM }

    private record Used(Kind kind, String school, String id) {
    }

    void check(Map<LocalDate, List<Occurrence>> byDate) {
        byDate.values().forEach(this::checkDate);
    }

    private void checkDate(List<Occurrence> occurrences) {
        Map<Used, List<Occurrence>> users = new HashMap<>();
        for (Occurrence o : occurrences) {
            if (o.start() != null && o.end() != null && o.end().isAfter(o.start())) {
                used(o).forEach(u -> users.computeIfAbsent(u, k -> new ArrayList<>()).add(o));
            }
        }
        users.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .sorted(Map.Entry.comparingByKey(USED_ORDER))
                .forEach(e -> sweep(e.getKey(), e.getValue()));
    }

    /** A set, so that one occurrence naming the same room for two of its classes is not a clash with itself. */
    private static Set<Used> used(Occurrence o) {
        Set<Used> used = new LinkedHashSet<>();
        for (Participant p : o.participants()) {
            if (p.teacher() != null) {
                used.add(new Used(Kind.TEACHER, p.school(), p.teacher()));
            }
            used.add(new Used(Kind.CLASS, p.school(), p.classId()));
            if (p.classroom() != null) {
                used.add(new Used(Kind.ROOM, p.school(), p.classroom()));
            }
        }
        return used;
    }

    /** Reports each occurrence that starts before the latest-ending one before it has ended. */
    private void sweep(Used used, List<Occurrence> occurrences) {
        List<Occurrence> sorted = new ArrayList<>(occurrences);
        sorted.sort(START_ORDER);
        Occurrence open = sorted.get(0);
        for (Occurrence next : sorted.subList(1, sorted.size())) {
            if (next.start().isBefore(open.end())) {
                found.add(Rule.DOUBLE_BOOKING, next.id(), "%s %s %s (%s-%s) and %s (%s-%s) at once", label(used),
                        used.kind() == Kind.ROOM ? "holds" : "is in", open.id(), open.start(), open.end(), next.id(),
                        next.start(), next.end());
            }
            if (next.end().isAfter(open.end())) {
                open = next;
            }
        }
    }

    private String label(Used used) {
        return switch (used.kind()) {
            case TEACHER -> county.teacherLabel(used.school(), used.id());
            case CLASS -> county.classLabel(used.school(), used.id());
            case ROOM -> county.roomLabel(used.school(), used.id());
        };
    }
}
