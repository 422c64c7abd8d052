package org.tongke.config.county;

/**
 * How much each soft goal of the one timetable weighs against the others; the hard rules are
 * never traded. Defaults: spreading a requirement's weekly lessons over different days matters
 * most, then keeping the published plan stable, then giving the receiving class's own period
 * of the subject, then sparing rural schools' first and last periods (early buses, long walks).
 */
public record SchedulingWeights(int spreadOverDays, int fewestChanges, int ownSubjectPeriod, int ruralEdgePeriods) {
    public static final int DEFAULT_SPREAD_OVER_DAYS = 10;
    public static final int DEFAULT_FEWEST_CHANGES = 5;
    public static final int DEFAULT_OWN_SUBJECT_PERIOD = 3;
    public static final int DEFAULT_RURAL_EDGE_PERIODS = 2;
    public static final SchedulingWeights DEFAULTS = new SchedulingWeights(DEFAULT_SPREAD_OVER_DAYS,
            DEFAULT_FEWEST_CHANGES, DEFAULT_OWN_SUBJECT_PERIOD, DEFAULT_RURAL_EDGE_PERIODS);

    public SchedulingWeights {
        if (spreadOverDays < 0 || fewestChanges < 0 || ownSubjectPeriod < 0 || ruralEdgePeriods < 0) {
            throw new IllegalArgumentException("weights cannot be negative");
        }
    }
}
