package org.tongke.scheduler.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongke.config.export.AtomicFile;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.PlanJson;
import org.tongke.scheduler.plan.WeeklyLesson;
import org.tongke.scheduler.replan.Absence;

/**
 * The published plan, its version and the absences recorded against it. Publishing saves the
 * plan (beside the file, then moved into place) when a file is given and announces what changed.
 * Synchronized: publishes are rare and must not interleave.
 */
public final class PlanStore {
    private final Path file;
    private final PlanPublisher publisher;
    private final Clock clock;
    private final List<Absence> absences = new ArrayList<>();
    private Plan plan;
    private int version;

    public PlanStore(Path file, PlanPublisher publisher, Clock clock) {
        this.file = file;
        this.publisher = publisher;
        this.clock = clock;
    }

    public synchronized Optional<Plan> current() {
        return Optional.ofNullable(plan);
    }

    public synchronized int version() {
        return version;
    }

    public synchronized List<Absence> absences() {
        return List.copyOf(absences);
    }

    public synchronized void addAbsence(Absence absence) {
        absences.add(absence);
    }

    /** Makes {@code next} the published plan and announces the weekly lessons and dates that changed. */
    public synchronized PlanPublished publish(Plan next, String cause) throws IOException {
        if (file != null) {
            save(next);
        }
        PlanPublished event = PlanPublished.of(next.county(), version + 1, clock.instant(), cause,
                changedWeekly(plan, next), changedOccurrences(plan, next));
        plan = next;
        version++;
        publisher.publish(event);
        return event;
    }

    private void save(Plan next) throws IOException {
        AtomicFile.write(file, out -> PlanJson.write(next, out));
    }

    private static List<String> changedWeekly(Plan before, Plan after) {
        Map<String, WeeklyLesson> old = new HashMap<>();
        if (before != null) {
            before.weekly().forEach(w -> old.put(w.id(), w));
        }
        Set<String> changed = new HashSet<>();
        for (WeeklyLesson w : after.weekly()) {
            if (!w.equals(old.remove(w.id()))) {
                changed.add(w.id());
            }
        }
        changed.addAll(old.keySet());
        return changed.stream().sorted().toList();
    }

    private static List<String> changedOccurrences(Plan before, Plan after) {
        if (before == null) {
            return List.of();
        }
        Map<String, Occurrence> old = new HashMap<>();
        before.occurrences().forEach(o -> old.put(o.id(), o));
        Set<String> changed = new HashSet<>();
        for (Occurrence o : after.occurrences()) {
            if (!o.equals(old.remove(o.id()))) {
                changed.add(o.id());
            }
        }
        changed.addAll(old.keySet());
        return changed.stream().sorted().toList();
    }
}
