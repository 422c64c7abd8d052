package org.tongke.scheduler.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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
 * Readers (the event loop) see a snapshot without waiting; every change is made through
 * {@link #change}, one at a time, so that a change always starts from the plan it replaces.
 */
public final class PlanStore {
    private final Path file;
    private final PlanPublisher publisher;
    private final Clock clock;
    private final List<Absence> absences = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object changes = new Object();
    private volatile Published published = new Published(null, 0);

    private record Published(Plan plan, int version) {
    }

    /** A change to the plan: from the current one (and the recorded absences) to the next, or empty for none. */
    @FunctionalInterface
    public interface Change<T> {
        Outcome<T> apply(Optional<Plan> current, List<Absence> absences) throws Exception;
    }

    /** What a change decided: a plan to publish (or null to publish nothing), an absence to record, and an answer. */
    public record Outcome<T>(Plan publish, Absence record, T answer) {
    }

    public PlanStore(Path file, PlanPublisher publisher, Clock clock) {
        this.file = file;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Optional<Plan> current() {
        return Optional.ofNullable(published.plan());
    }

    public int version() {
        return published.version();
    }

    public List<Absence> absences() {
        return List.copyOf(absences);
    }

    /**
     * Runs one change at a time against the current plan and publishes what it decides. Blocking:
     * call it from a worker thread, never the event loop.
     */
    public <T> T change(Change<T> change, String cause) throws Exception {
        synchronized (changes) {
            Outcome<T> outcome = change.apply(current(), absences());
            if (outcome.record() != null) {
                absences.add(outcome.record());
            }
            if (outcome.publish() != null) {
                publishLocked(outcome.publish(), cause);
            }
            return outcome.answer();
        }
    }

    /** Makes {@code next} the published plan and announces the weekly lessons and dates that changed. */
    public PlanPublished publish(Plan next, String cause) throws IOException {
        synchronized (changes) {
            return publishLocked(next, cause);
        }
    }

    private PlanPublished publishLocked(Plan next, String cause) throws IOException {
        if (file != null) {
            save(next);
        }
        Published before = published;
        PlanPublished event = PlanPublished.of(next.county(), before.version() + 1, clock.instant(), cause,
                changedWeekly(before.plan(), next), changedOccurrences(before.plan(), next));
        published = new Published(next, before.version() + 1);
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
