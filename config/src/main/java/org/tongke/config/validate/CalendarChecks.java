package org.tongke.config.validate;

import java.time.DayOfWeek;
import org.tongke.config.calendar.MakeUpDay;

/** Checks that make-up days fall on weekends, where they make a difference. */
final class CalendarChecks {
    private final Checks checks;

    CalendarChecks(Checks checks) {
        this.checks = checks;
    }

    void run() {
        for (var school : checks.county().schools()) {
            for (MakeUpDay m : school.calendar().makeUpDays()) {
                DayOfWeek day = m.date().getDayOfWeek();
                if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    checks.warning(m, "date", "make-up day " + m.date() + " is a " + day.name().toLowerCase()
                            + ", a normal teaching day already");
                }
            }
        }
    }
}
