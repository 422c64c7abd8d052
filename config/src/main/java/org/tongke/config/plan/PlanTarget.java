package org.tongke.config.plan;

import java.util.Optional;

/** What follows a plan: it takes each plan read, whole, in place of the one it had. */
public interface PlanTarget<T> {
    /** The county whose plan it follows; empty before its first plan when it does not know yet. */
    Optional<String> county();

    /**
     * Puts {@code plan} in place of the previous one at once: no reader sees half of each.
     *
     * @throws IllegalArgumentException when the plan cannot be taken (another county, say); the
     *     previous plan stays
     */
    void replace(T plan);

    /** The plan's version as the scheduler numbered it; null for a plan file. */
    Long version(T plan);
}
