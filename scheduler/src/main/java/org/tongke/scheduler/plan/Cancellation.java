package org.tongke.scheduler.plan;

import java.time.LocalDate;
import java.util.Objects;

/** A date on which a weekly lesson does not happen although its weekday comes round, and why. */
public record Cancellation(String weekly, LocalDate date, String reason) {
    public Cancellation {
        Objects.requireNonNull(weekly, "weekly");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reason, "reason");
    }
}
