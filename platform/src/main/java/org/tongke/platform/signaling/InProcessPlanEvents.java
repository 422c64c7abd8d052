package org.tongke.platform.signaling;

import org.tongke.scheduler.api.PlanPublisher;
import org.tongke.config.plan.PlanEvents;

/**
 * The one place the scheduler and the signaling server meet in one JVM: every plan the scheduler
 * publishes reaches a follower's {@link PlanEvents} (the signaling server's, the recorder's) without Redis.
 * Neither module depends on the scheduler; this platform class joins them.
 */
public final class InProcessPlanEvents {
    private InProcessPlanEvents() {
    }

    public static void connect(PlanPublisher.InProcess publisher, PlanEvents events) {
        publisher.subscribe(event -> events.planPublished(event.county(), event.planVersion()));
    }
}
