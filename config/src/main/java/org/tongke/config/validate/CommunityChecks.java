package org.tongke.config.validate;

import java.util.HashSet;
import java.util.Set;
import org.tongke.config.county.Community;
import org.tongke.config.county.Pairing;
import org.tongke.config.diagnostic.SourceIndex;

/** Checks that communities and pairings name schools that exist, each once. */
final class CommunityChecks {
    private final Checks checks;

    CommunityChecks(Checks checks) {
        this.checks = checks;
    }

    void run() {
        UniqueIds.check(checks, checks.county().communities(), Community::id, "community");
        for (Community c : checks.county().communities()) {
            schoolExists(c, "core", c.core());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < c.members().size(); i++) {
                String member = c.members().get(i);
                String field = "members[" + i + "]";
                schoolExists(c, field, member);
                if (member.equals(c.core())) {
                    checks.error(c, field, "school '" + member + "' is the core of this community and cannot be a member too");
                } else if (!seen.add(member)) {
                    checks.error(c, field, "school '" + member + "' is listed twice");
                }
            }
        }
        for (Pairing p : checks.county().pairings()) {
            schoolExists(p, "supporting", p.supporting());
            schoolExists(p, "receiving", p.receiving());
            if (p.supporting().equals(p.receiving())) {
                checks.error(p, "receiving", "a school cannot support itself");
            }
        }
    }

    private void schoolExists(Object owner, String field, String schoolId) {
        if (checks.county().school(schoolId).isEmpty() && checks.absent(SourceIndex.SCHOOL, "", schoolId)) {
            checks.error(owner, field, "no school '" + schoolId + "' (no schools/*.yaml has this id)");
        }
    }
}
