package org.tongke.scheduler.check;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchSession;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * Ids are what agents cache, calendars key events on and re-plans compare, so they must follow
 * the documented form and be unique: {@code <requirement>#<n>} and {@code <weekly>@<date>}.
 */
final class IdChecks {
    private static final Pattern INDEX = Pattern.compile("\\d+");

    private final Findings found;

    IdChecks(Findings found) {
        this.found = found;
    }

    void check(Plan plan) {
        Set<String> seen = new HashSet<>();
        for (WeeklyLesson w : plan.weekly()) {
            String prefix = w.requirement() + "#";
            if (!w.id().startsWith(prefix) || !INDEX.matcher(w.id().substring(prefix.length())).matches()) {
                found.add(Rule.ID, w.id(), "a weekly lesson of %s must have an id '%s<n>'", w.requirement(), prefix);
            }
            unique(seen, w.id(), "weekly lesson");
        }
        seen.clear();
        for (Occurrence o : plan.occurrences()) {
            // A re-planned occurrence keeps the id of the date it was moved from, so feeds and links stay stable.
            String expected = Occurrence.id(o.weekly(), o.moved() != null ? o.moved().fromDate() : o.date());
            if (!o.id().equals(expected)) {
                found.add(Rule.ID, o.id(), "the occurrence of %s on %s must have the id '%s'", o.weekly(), o.date(),
                        expected);
            }
            unique(seen, o.id(), "occurrence");
        }
        seen.clear();
        for (ResearchSession r : plan.research()) {
            unique(seen, r.id(), "research session");
        }
    }

    private void unique(Set<String> seen, String id, String what) {
        if (!seen.add(id)) {
            found.add(Rule.ID, id, "more than one %s has this id", what);
        }
    }
}
