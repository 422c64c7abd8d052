package org.tongke.platform.scheduler;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.County;
import org.tongke.scheduler.plan.PairingCompliance;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchSession;

/** The few lines a staff member reads after solving. */
final class PlanSummary {
    private PlanSummary() {
    }

    static void print(PrintWriter out, County county, Plan plan, Path file) {
        long withTargets = plan.compliance().stream().filter(c -> c.type() != CommunityType.COLLABORATIVE).count();
        long meeting = plan.compliance().stream().filter(c -> c.type() != CommunityType.COLLABORATIVE)
                .filter(PairingCompliance::meetsTargets).count();
        long online = plan.research().stream().filter(r -> r.mode() == ResearchSession.Mode.ONLINE).count();
        out.printf("Plan for %s (%s) written to %s%n", county.name(), county.id(), file);
        out.printf("  score            %s%n", plan.score());
        long unplacedLessons = plan.unplaced().stream().filter(u -> u.weekly().contains("#")).count();
        out.printf("  weekly lessons   %5d placed, %d unplaced%n", plan.weekly().size(), unplacedLessons);
        out.printf("  dated lessons    %5d over the school year (%d dates cancelled)%n", plan.occurrences().size(),
                plan.cancellations().size());
        out.printf("  research         %5d sessions (%d online, %d in person); %d requirements not held%n",
                plan.research().size(), online, plan.research().size() - online,
                plan.unplaced().size() - unplacedLessons);
        out.printf("  pairings         %5d of %d with yearly targets meet them%n", meeting, withTargets);
        plan.unplaced().forEach(u -> out.printf("  unplaced %s: %s%n", u.weekly(), u.reason()));
        plan.compliance().stream().filter(c -> !c.meetsTargets())
                .forEach(c -> out.printf("  short %s -> %s (%s): %s%n", c.supporting(), c.receiving(), c.community(),
                        String.join(", ", c.shortfalls())));
        out.flush();
    }
}
