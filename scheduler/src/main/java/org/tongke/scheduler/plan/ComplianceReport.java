package org.tongke.scheduler.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tongke.config.county.Community;
import org.tongke.config.county.County;
import org.tongke.config.county.Pairing;
import org.tongke.config.county.YearlyTargets;

/**
 * What the plan delivers to each pairing of a community (core school and member) over the
 * school year, against seed 003's yearly targets for the community's type.
 */
public final class ComplianceReport {
    private final County county;

    public ComplianceReport(County county) {
        this.county = county;
    }

    public List<PairingCompliance> report(List<Occurrence> occurrences, List<ResearchSession> sessions) {
        // Grouped by community first: a county has tens of thousands of dated lessons.
        var lessonsByCommunity = occurrences.stream().collect(java.util.stream.Collectors.groupingBy(Occurrence::community));
        var researchByCommunity = sessions.stream().collect(java.util.stream.Collectors.groupingBy(ResearchSession::community));
        List<PairingCompliance> report = new ArrayList<>();
        for (Community c : county.communities()) {
            for (Pairing pairing : c.pairings()) {
                report.add(pairing(c, pairing, lessonsByCommunity.getOrDefault(c.id(), List.of()),
                        researchByCommunity.getOrDefault(c.id(), List.of())));
            }
        }
        return report;
    }

    private PairingCompliance pairing(Community c, Pairing pairing, List<Occurrence> occurrences,
                                      List<ResearchSession> sessions) {
        int lessons = 0;
        TreeSet<String> subjects = new TreeSet<>();
        for (Occurrence o : occurrences) {
            if (o.community().equals(c.id()) && involves(o, pairing)) {
                lessons++;
                subjects.add(o.subject());
            }
        }
        int online = 0;
        int offline = 0;
        for (ResearchSession s : sessions) {
            if (s.community().equals(c.id()) && involves(s, pairing)) {
                if (s.mode() == ResearchSession.Mode.ONLINE) {
                    online++;
                } else {
                    offline++;
                }
            }
        }
        YearlyTargets t = county.targetsFor(c.type());
        List<String> shortfalls = new ArrayList<>();
        shortfall(shortfalls, "synchronized lessons", lessons, t.syncLessons());
        shortfall(shortfalls, "subjects", subjects.size(), t.syncSubjects());
        shortfall(shortfalls, "online research sessions", online, t.onlineResearch());
        shortfall(shortfalls, "offline research sessions", offline, t.offlineResearch());
        return new PairingCompliance(c.id(), c.type(), pairing.supporting(), pairing.receiving(), lessons,
                List.copyOf(subjects), online, offline, t, shortfalls);
    }

    private static boolean involves(Occurrence o, Pairing pairing) {
        return o.participants().stream().anyMatch(p -> p.school().equals(pairing.supporting()))
                && o.participants().stream().anyMatch(p -> p.school().equals(pairing.receiving()));
    }

    private boolean involves(ResearchSession s, Pairing pairing) {
        if (s.participants().isEmpty()) {
            return true;
        }
        return s.participants().stream().anyMatch(p -> p.school().equals(pairing.supporting()))
                && s.participants().stream().anyMatch(p -> p.school().equals(pairing.receiving()));
    }

    private static void shortfall(List<String> into, String what, int planned, int target) {
        if (planned < target) {
            into.add(planned + " of " + target + " " + what);
        }
    }

}
