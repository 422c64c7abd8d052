package org.tongke.scheduler.check;

import java.util.List;
import java.util.Optional;
import org.tongke.config.calendar.Period;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.TimetableEntry;
import org.tongke.config.school.Unavailability;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Participant.Swap;

/**
 * The rules of one room's swap (调课) on the lesson's timetable day: only a receiving room of a
 * requirement that allows swaps swaps, the swap moves the lesson the class has in that period,
 * and it moves it to a period of the bell schedule in which the class has no lesson and the
 * lesson's teacher neither teaches nor is away. Whether the rest of the plan leaves that period
 * free is {@link SwapConflicts}'s question.
 */
final class SwapChecks {
    private final CountyIndex county;
    private final Findings found;

    SwapChecks(CountyIndex county, Findings found) {
        this.county = county;
        this.found = found;
    }

    /** Reports, and answers false, when the room may not swap at all. */
    boolean allowed(Placed lesson, Participant p, boolean host) {
        if (host) {
            found.add(Rule.SWAP, lesson.id(), "%s hosts the lesson, so its period cannot be swapped; only a receiving"
                    + " class's can", county.classLabel(p.school(), p.classId()));
            return false;
        }
        Optional<LessonRequirement> requirement = county.lesson(lesson.requirement());
        if (requirement.isPresent() && !requirement.get().allowSwap()) {
            found.add(Rule.SWAP, lesson.id(), "swaps a period of %s, but %s does not allow swaps (allowSwap)",
                    county.classLabel(p.school(), p.classId()), requirement.get().id());
            return false;
        }
        return true;
    }

    /** Whether a receiving room of this lesson could have its period swapped, for messages. */
    boolean mayReceiverSwap(Placed lesson) {
        return county.lesson(lesson.requirement()).map(LessonRequirement::allowSwap).orElse(false);
    }

    /** The swap of a room whose own period {@code number} holds {@code own}, another subject's lesson. */
    void check(Placed lesson, Participant p, TimetableEntry own, int number) {
        Swap swap = p.swap();
        if (!own.subject().equals(swap.subject()) || !own.teacher().equals(swap.teacher())) {
            found.add(Rule.SWAP, lesson.id(), "%s has %s taught by %s in period %d on %s, but the swap moves %s taught"
                    + " by %s", county.classLabel(p.school(), p.classId()), own.subject(),
                    county.teacherLabel(p.school(), own.teacher()), number, Words.day(lesson.day()), swap.subject(),
                    county.teacherLabel(p.school(), swap.teacher()));
        }
        checkTarget(lesson, p);
    }

    private void checkTarget(Placed lesson, Participant p) {
        Swap swap = p.swap();
        Optional<Period> target = target(county, p);
        if (target.isEmpty()) {
            found.add(Rule.SWAP, lesson.id(), "%s, but %s has no period %d that day",
                    moves(county, p, "period " + swap.period()), county.schoolName(p.school()), swap.period());
            return;
        }
        String moves = moves(county, p, "period " + target.get());
        county.ownEntry(p.school(), p.classId(), swap.day(), swap.period()).filter(e -> e.kind() == SlotKind.LESSON)
                .ifPresent(e -> found.add(Rule.SWAP, lesson.id(), "%s, where the class has %s", moves, e.subject()));
        for (TimetableEntry e : county.teaching(p.school(), swap.teacher(), swap.day())) {
            if (e.period() == swap.period() && !e.classId().equals(p.classId())) {
                found.add(Rule.SWAP, lesson.id(), "%s, when %s teaches %s to %s", moves,
                        county.teacherLabel(p.school(), swap.teacher()), e.subject(),
                        county.classLabel(p.school(), e.classId()));
            }
        }
        List<Unavailability> away = county.teacher(p.school(), swap.teacher()).map(Teacher::unavailable)
                .orElse(List.of());
        for (Unavailability u : away) {
            if (u.weekday() == swap.day() && (u.wholeDay() || u.periods().contains(swap.period()))) {
                found.add(Rule.SWAP, lesson.id(), "%s", LessonChecks.unavailable(county, p.school(), swap.teacher(), u,
                        Words.day(u.weekday()), moves(county, p, "period " + swap.period())));
            }
        }
    }

    /** The period of the room's school that the swap moves the lesson to, empty when there is none. */
    static Optional<Period> target(CountyIndex county, Participant p) {
        return county.school(p.school()).flatMap(s -> s.bellSchedule().period(p.swap().day(), p.swap().period()));
    }

    /** "the swap moves 英语 of 四年级(1)班 of 祯埠镇小 to period 2 (08:50-09:30) on thursday". */
    static String moves(CountyIndex county, Participant p, String period) {
        return "the swap moves " + p.swap().subject() + " of " + county.classLabel(p.school(), p.classId()) + " to "
                + period + " on " + Words.day(p.swap().day());
    }
}
