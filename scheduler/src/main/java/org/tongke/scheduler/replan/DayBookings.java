package org.tongke.scheduler.replan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;

/**
 * Who and what each date's lessons occupy, so a lesson can be moved only where no teacher,
 * class or recording classroom is taken already.
 */
final class DayBookings {
    private record Booking(String occurrence, LocalTime start, LocalTime end) {
    }

    private final Map<String, List<Booking>> byKey = new HashMap<>();

    DayBookings(List<Occurrence> occurrences) {
        occurrences.forEach(this::add);
    }

    void add(Occurrence o) {
        for (String key : keys(o.date(), o.participants())) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Booking(o.id(), o.start(), o.end()));
        }
    }

    void remove(Occurrence o) {
        for (String key : keys(o.date(), o.participants())) {
            List<Booking> list = byKey.get(key);
            if (list != null) {
                list.removeIf(b -> b.occurrence().equals(o.id()));
            }
        }
    }

    /** True when any of these rooms' teachers, classes or classrooms is taken then by another lesson. */
    boolean taken(LocalDate date, LocalTime start, LocalTime end, List<Participant> rooms, String except) {
        for (String key : keys(date, rooms)) {
            for (Booking b : byKey.getOrDefault(key, List.of())) {
                if (!b.occurrence().equals(except) && b.start().isBefore(end) && start.isBefore(b.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> keys(LocalDate date, List<Participant> rooms) {
        List<String> keys = new ArrayList<>();
        for (Participant p : rooms) {
            keys.add(date + "|class|" + p.school() + "/" + p.classId());
            keys.add(date + "|room|" + p.school() + "/" + p.classroom());
            if (p.teacher() != null) {
                keys.add(date + "|teacher|" + p.school() + "/" + p.teacher());
            }
        }
        return keys;
    }
}
