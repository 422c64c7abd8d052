package org.tongke.scheduler.plan;

import java.util.List;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.YearlyTargets;

/**
 * What the plan delivers for one pairing (core school and member) over the school year, against
 * the yearly targets of its community's type; {@code shortfalls} says in words what is missing.
 */
public record PairingCompliance(
        String community,
        CommunityType type,
        String supporting,
        String receiving,
        int lessons,
        List<String> subjects,
        int onlineResearch,
        int offlineResearch,
        YearlyTargets targets,
        List<String> shortfalls) {

    public PairingCompliance {
        subjects = List.copyOf(subjects);
        shortfalls = List.copyOf(shortfalls);
    }

    public boolean meetsTargets() {
        return shortfalls.isEmpty();
    }
}
