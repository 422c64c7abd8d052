package org.tongke.platform.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.scheduler.api.PlanPublished;
import org.tongke.scheduler.api.PlanPublisher;

class InProcessPlanEventsTest {
    @Test
    void aPlanPublishedByTheSchedulerInThisProcessReachesTheSignalingServer() {
        PlanPublisher.InProcess publisher = new PlanPublisher.InProcess();
        List<String> heard = new ArrayList<>();
        InProcessPlanEvents.connect(publisher, (county, version) -> heard.add(county + " " + version));

        publisher.publish(PlanPublished.of("qingtian", 4, Instant.parse("2026-11-22T08:00:00Z"), "solve", List.of(),
                List.of()));

        assertThat(heard).containsExactly("qingtian 4");
    }
}
