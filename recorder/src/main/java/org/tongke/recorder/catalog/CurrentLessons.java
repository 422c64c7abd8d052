package org.tongke.recorder.catalog;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.tongke.config.plan.PlanTarget;

/**
 * The lesson directory of the plan in force, swapped whole when the scheduler publishes a new
 * one: a request takes {@link #now()} once and works on that directory to its end, so it never
 * sees half of one plan and half of the next. A plan of another county than the configuration's
 * is refused and the directory in force stays.
 */
public final class CurrentLessons implements PlanTarget<PlanFile> {
    private final AtomicReference<LessonDirectory> current;

    public CurrentLessons(LessonDirectory first) {
        this.current = new AtomicReference<>(first);
    }

    /** The directory in force. */
    public LessonDirectory now() {
        return current.get();
    }

    @Override
    public Optional<String> county() {
        return Optional.of(current.get().county().id());
    }

    @Override
    public void replace(PlanFile plan) {
        LessonDirectory previous = current.get();
        if (!previous.county().id().equals(plan.county())) {
            throw new IllegalArgumentException("the plan is for county " + plan.county() + ", but this recorder's"
                    + " --config is county " + previous.county().id());
        }
        current.set(new LessonDirectory(previous.county(), plan));
    }

    @Override
    public Long version(PlanFile plan) {
        return plan.version();
    }
}
