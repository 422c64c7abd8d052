package org.tongke.scheduler.ical;

import java.util.HashMap;
import java.util.Map;
import org.tongke.scheduler.plan.Plan;

/**
 * Remembers, per event UID, what the event looked like at the last plan it saw and its SEQUENCE.
 * RFC 5545 clients keep the copy with the highest SEQUENCE, so a lesson moved by a re-plan must
 * come with a higher number than before or a subscribed calendar may keep the old time.
 *
 * <p>Call {@link #update(Plan)} with each plan before its feeds are served and pass the map it
 * returns to {@link PlanCalendars} ({@link CalendarFeeds} does both on every request). An event
 * whose content (date, times, rooms, teachers) is unchanged keeps its number, so updating with
 * the same plan again changes nothing; a new event starts at 0. An event that drops out of a plan
 * is remembered, so that if it comes back changed it still goes up. Kept in memory only: after a
 * restart every event starts again at 0, and a client that holds a higher number keeps its copy
 * until the event changes enough times to pass it.
 *
 * <p>Thread-safe: publishes and feed requests may come from different threads.
 */
public final class SequenceLedger {
    private final Map<String, Entry> entries = new HashMap<>();
    /** The plan of the last update and the answer to it: feed requests repeat the same plan. */
    private Plan last;
    private Map<String, Integer> lastSequences = Map.of();

    private record Entry(String fingerprint, int sequence) {
    }

    /** Takes in a newly published plan; answers the SEQUENCE of every UID seen so far. */
    public synchronized Map<String, Integer> update(Plan plan) {
        if (plan == last) {
            return lastSequences;
        }
        EventFingerprint.of(plan).forEach((uid, fingerprint) -> entries.merge(uid, new Entry(fingerprint, 0),
                (old, fresh) -> old.fingerprint().equals(fingerprint) ? old
                        : new Entry(fingerprint, old.sequence() + 1)));
        last = plan;
        lastSequences = sequences();
        return lastSequences;
    }

    /** The SEQUENCE of every UID seen so far, as of the last {@link #update(Plan)}. */
    public synchronized Map<String, Integer> sequences() {
        Map<String, Integer> sequences = new HashMap<>();
        entries.forEach((uid, entry) -> sequences.put(uid, entry.sequence()));
        return Map.copyOf(sequences);
    }
}
