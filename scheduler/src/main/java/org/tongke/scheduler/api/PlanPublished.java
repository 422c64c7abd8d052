package org.tongke.scheduler.api;

import java.time.Instant;
import java.util.List;

/**
 * A change event: a new version of the county's plan was published, and which weekly lessons it
 * added, moved or removed since the last one (empty on the first). The signaling server turns
 * these into each classroom's schedule. Type and version travel with it.
 */
public record PlanPublished(String type, int formatVersion, String county, int planVersion, Instant at,
                            String cause, List<String> changedWeekly, List<String> changedOccurrences) {
    public static final String TYPE = "plan-published";

    public PlanPublished {
        changedWeekly = List.copyOf(changedWeekly);
        changedOccurrences = List.copyOf(changedOccurrences);
    }

    public static PlanPublished of(String county, int version, Instant at, String cause, List<String> weekly,
                                   List<String> occurrences) {
        return new PlanPublished(TYPE, 1, county, version, at, cause, weekly, occurrences);
    }
}
