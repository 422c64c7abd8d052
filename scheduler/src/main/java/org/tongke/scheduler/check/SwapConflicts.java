package org.tongke.scheduler.check;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.tongke.config.calendar.Period;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * Nothing else in the weekly pattern uses the period a swap (调课) moves a lesson to: no weekly
 * lesson of the class or of the moved lesson's teacher overlaps it, and no other swap moves a
 * lesson of the class or of that teacher there. The weekly lessons and swaps are indexed by
 * school, class or teacher, and weekday, once per plan.
 */
final class SwapConflicts {
    private final CountyIndex county;
    private final Findings found;
    private final Map<String, List<Booking>> bookings = new HashMap<>();
    private final Map<String, List<Claim>> claimsByKey = new HashMap<>();
    private final List<Claim> weeklyClaims = new ArrayList<>();

    /** A weekly lesson using a class or teacher on a weekday. */
    private record Booking(String lesson, LocalTime start, LocalTime end) {
    }

    /** A room's swap; {@code id} is the weekly lesson's or occurrence's, {@code order} its place among weekly swaps. */
    private record Claim(String id, String weekly, int order, Participant room, Period target) {
    }

    SwapConflicts(CountyIndex county, Findings found, List<WeeklyLesson> weekly) {
        this.county = county;
        this.found = found;
        for (WeeklyLesson w : weekly) {
            if (w.end().isAfter(w.start())) {
                w.participants().forEach(p -> book(w, p));
            }
            for (Claim c : claims(w.id(), w.id(), weeklyClaims.size(), w.receivers())) {
                weeklyClaims.add(c);
                keys(c).forEach(k -> claimsByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c));
            }
        }
    }

    private void book(WeeklyLesson w, Participant p) {
        Booking b = new Booking(w.id(), w.start(), w.end());
        bookings.computeIfAbsent(classKey(p.school(), p.classId(), w.day()), k -> new ArrayList<>()).add(b);
        if (p.teacher() != null) {
            bookings.computeIfAbsent(teacherKey(p.school(), p.teacher(), w.day()), k -> new ArrayList<>()).add(b);
        }
    }

    /** Each weekly swap against the other weekly lessons and the swaps before it (reported once, on the later). */
    void checkWeekly() {
        for (Claim c : weeklyClaims) {
            checkLessons(c);
            checkSwaps(c, other -> other.order() < c.order());
        }
    }

    /** The swaps of an occurrence judged on its own, against the weekly pattern but its own weekly lesson. */
    void check(Occurrence o) {
        for (Claim c : claims(o.id(), o.weekly(), -1, o.receivers())) {
            checkLessons(c);
            checkSwaps(c, other -> !other.weekly().equals(c.weekly()));
        }
    }

    /** The receiving rooms' swaps to a period their school's bell schedule has (others are {@link SwapChecks}'). */
    private List<Claim> claims(String id, String weekly, int firstOrder, List<Participant> receivers) {
        List<Claim> list = new ArrayList<>();
        for (Participant p : receivers) {
            if (p.swap() != null) {
                SwapChecks.target(county, p).ifPresent(t -> list.add(new Claim(id, weekly, firstOrder + list.size(),
                        p, t)));
            }
        }
        return list;
    }

    private void checkLessons(Claim c) {
        Participant p = c.room();
        Map<Booking, Set<String>> using = new LinkedHashMap<>();
        collect(using, classKey(p.school(), p.classId(), p.swap().day()), c,
                county.classLabel(p.school(), p.classId()));
        collect(using, teacherKey(p.school(), p.swap().teacher(), p.swap().day()), c,
                county.teacherLabel(p.school(), p.swap().teacher()));
        using.forEach((b, who) -> found.add(Rule.SWAP, c.id(), "%s, when %s %s in %s (%s-%s)", moves(c),
                String.join(" and ", who), who.size() == 1 ? "is" : "are", b.lesson(), b.start(), b.end()));
    }

    private void collect(Map<Booking, Set<String>> using, String key, Claim c, String who) {
        for (Booking b : bookings.getOrDefault(key, List.of())) {
            if (!b.lesson().equals(c.weekly()) && c.target().overlaps(b.start(), b.end())) {
                using.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(who);
            }
        }
    }

    private void checkSwaps(Claim c, Predicate<Claim> counts) {
        Set<Claim> clashing = new LinkedHashSet<>();
        for (String key : keys(c)) {
            claimsByKey.getOrDefault(key, List.of()).stream().filter(counts).forEach(clashing::add);
        }
        for (Claim other : clashing) {
            Participant q = other.room();
            found.add(Rule.SWAP, c.id(), "%s, where %s already moves %s of %s taught by %s", moves(c), other.id(),
                    q.swap().subject(), county.classLabel(q.school(), q.classId()),
                    county.teacherLabel(q.school(), q.swap().teacher()));
        }
    }

    private String moves(Claim c) {
        return SwapChecks.moves(county, c.room(), "period " + c.target());
    }

    /** The class period and the teacher period the swap takes. */
    private static List<String> keys(Claim c) {
        Participant p = c.room();
        return List.of(classKey(p.school(), p.classId(), p.swap().day()) + c.target().number(),
                teacherKey(p.school(), p.swap().teacher(), p.swap().day()) + c.target().number());
    }

    private static String classKey(String school, String classId, DayOfWeek day) {
        return "class\u0000" + school + '\u0000' + classId + '\u0000' + day + '\u0000';
    }

    private static String teacherKey(String school, String teacher, DayOfWeek day) {
        return "teacher\u0000" + school + '\u0000' + teacher + '\u0000' + day + '\u0000';
    }
}
