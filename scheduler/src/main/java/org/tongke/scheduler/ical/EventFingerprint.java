package org.tongke.scheduler.ical;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchSession;

/**
 * What of an event a subscriber sees change: date, times, each room's school, classroom, class,
 * teacher and period, and where a moved lesson was (or a session's mode, place and teachers). Fields a calendar does not
 * show (what a lesson displaces, the score) are left out, so they never bump SEQUENCE.
 */
final class EventFingerprint {
    private EventFingerprint() {
    }

    /** UID to fingerprint, for every occurrence and research session of the plan. */
    static Map<String, String> of(Plan plan) {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (Occurrence o : plan.occurrences()) {
            fingerprints.put(PlanCalendars.uid(o.id()), lesson(o));
        }
        for (ResearchSession s : plan.research()) {
            fingerprints.put(PlanCalendars.uid(s.id()), research(s));
        }
        return fingerprints;
    }

    static String lesson(Occurrence o) {
        String rooms = o.participants().stream().map(EventFingerprint::room).collect(Collectors.joining(";"));
        String moved = o.moved() == null ? "" : o.moved().toString();
        return String.join("|", o.kind().key(), o.subject(), o.date().toString(), o.start().toString(),
                o.end().toString(), rooms, moved);
    }

    static String research(ResearchSession s) {
        String teachers = s.participants().stream().map(t -> t.school() + "/" + t.teacher())
                .collect(Collectors.joining(";"));
        return String.join("|", s.mode().name(), s.subject(), s.date().toString(), String.valueOf(s.start()),
                String.valueOf(s.end()), String.valueOf(s.location()), teachers);
    }

    private static String room(Participant p) {
        return String.join(",", p.school(), p.schoolName(), String.valueOf(p.classroom()), p.classId(),
                p.className(), String.valueOf(p.teacher()), String.valueOf(p.period()), p.periodStart().toString(),
                p.periodEnd().toString());
    }
}
