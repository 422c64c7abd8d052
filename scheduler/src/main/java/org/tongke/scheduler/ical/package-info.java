/**
 * iCalendar feeds (RFC 5545) of a published plan, per school, per teacher and per recording
 * classroom, so that staff and teachers subscribe to the one timetable from the calendar app they
 * already use. {@link org.tongke.scheduler.ical.PlanCalendars} renders a feed;
 * {@link org.tongke.scheduler.ical.SequenceLedger} remembers what each event looked like at the
 * last publish and bumps its SEQUENCE when it changes, so subscribed clients replace the old copy.
 * UIDs are {@code <occurrence or session id>@tongke}: plan ids are stable across re-plans, so a
 * moved lesson updates the event a client already holds instead of adding a second one.
 */
package org.tongke.scheduler.ical;
