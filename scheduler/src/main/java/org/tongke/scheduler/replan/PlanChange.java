package org.tongke.scheduler.replan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * What re-planning did to one dated lesson: moved it to another date or time, put it in another
 * recording classroom, or cancelled it; with where it was and why.
 */
public record PlanChange(String occurrence, Type type, LocalDate fromDate, LocalTime fromStart, LocalDate toDate,
                         LocalTime toStart, String room, String reason) {
    public PlanChange {
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }

    public enum Type {
        MOVED,
        ROOM_CHANGED,
        CANCELLED
    }
}
