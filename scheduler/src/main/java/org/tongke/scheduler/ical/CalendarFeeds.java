package org.tongke.scheduler.ical;

import java.time.Clock;
import java.util.Objects;
import org.tongke.config.county.County;
import org.tongke.scheduler.plan.Plan;

/**
 * The feeds as the HTTP service serves them: {@link PlanCalendars} with the SEQUENCE numbers of
 * one {@link SequenceLedger}. Each request hands the ledger the plan it serves; the ledger
 * ignores a plan it has just seen and bumps only events that changed, so a client is never sent
 * a changed event under a SEQUENCE it already holds, whichever publishes it fetched.
 * Thread-safe; one instance per county.
 */
public final class CalendarFeeds {
    private final PlanCalendars calendars;
    private final SequenceLedger ledger;

    public CalendarFeeds(County county) {
        this(county, Clock.systemUTC(), new SequenceLedger());
    }

    public CalendarFeeds(County county, Clock clock, SequenceLedger ledger) {
        this.calendars = new PlanCalendars(county, clock);
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** @see PlanCalendars#school */
    public String school(Plan plan, String schoolId) {
        return calendars.school(plan, schoolId, ledger.update(plan));
    }

    /** @see PlanCalendars#teacher */
    public String teacher(Plan plan, String schoolId, String teacherId) {
        return calendars.teacher(plan, schoolId, teacherId, ledger.update(plan));
    }

    /** @see PlanCalendars#classroom */
    public String classroom(Plan plan, String schoolId, String classroomId) {
        return calendars.classroom(plan, schoolId, classroomId, ledger.update(plan));
    }
}
