package org.tongke.scheduler.check;

import java.time.DayOfWeek;
import java.util.Locale;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.TimetableEntry;
import org.tongke.scheduler.plan.Participant.Displaces;

/** How messages spell days and timetable cells: as the YAML and the plan JSON do. */
final class Words {
    private Words() {
    }

    static String day(DayOfWeek day) {
        return day == null ? "no day" : day.name().toLowerCase(Locale.ROOT);
    }

    static String displaces(Displaces d) {
        return d.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What a class does in a timetable cell: the subject, 自习 or 空. */
    static String cell(TimetableEntry entry) {
        if (entry == null || entry.kind() == SlotKind.FREE) {
            return "nothing (空)";
        }
        return entry.kind() == SlotKind.SELF_STUDY ? "self-study (自习)" : entry.subject();
    }
}
