package org.tongke.config.validate;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.tongke.config.calendar.MakeUpDay;

/** Checks that make-up days fall on weekends, where they make a difference. */
final class CalendarChecks {
    private final Checks checks;

    CalendarChecks(Checks checks) {
        this.checks = checks;
    }

    void run() {
        // A school's calendar repeats the county's make-up days: look at each one once.
        Set<MakeUpDay> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        checks.county().calendar().makeUpDays().forEach(m -> warnIfWeekday(m, seen));
        for (var school : checks.county().schools()) {
            school.calendar().makeUpDays().forEach(m -> warnIfWeekday(m, seen));
        }
    }

    private void warnIfWeekday(MakeUpDay m, Set<MakeUpDay> seen) {
        DayOfWeek day = m.date().getDayOfWeek();
        if (seen.add(m) && day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
            checks.warning(m, "date", "make-up day " + m.date() + " is a " + day.name().toLowerCase()
                    + ", a normal teaching day already");
        }
    }
}
