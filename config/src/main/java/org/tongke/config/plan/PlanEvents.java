package org.tongke.config.plan;

/**
 * Where a module hears that the scheduler published a plan. In the all-in-one platform the
 * scheduler's in-process publisher calls it directly; across machines {@link RedisPlanEvents}
 * calls it for each message on {@code tongke:plan:<county>}.
 */
public interface PlanEvents {
    /** The scheduler published version {@code planVersion} of {@code county}'s plan. */
    void planPublished(String county, long planVersion);
}
