package org.tongke.scheduler.plan;

import java.util.Objects;

/**
 * A weekly lesson the plan could not place, or a research requirement it could not hold
 * ({@code weekly} is then the research requirement's id), with the reason in words a staff
 * member acts on.
 */
public record Unplaced(String weekly, String requirement, String community, String reason) {
    public Unplaced {
        Objects.requireNonNull(weekly, "weekly");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(reason, "reason");
    }
}
