package org.tongke.recorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.recorder.catalog.CurrentLessons;
import org.tongke.recorder.catalog.PlanFile;
import org.tongke.recorder.testing.TinyPlan;

class DeliveredReportsTest {
    @TempDir
    Path dir;

    @Test
    void plannedFollowsThePlanInForceAndALessonMovedAfterItWasArchivedStillCountsDelivered() {
        CurrentLessons lessons = new CurrentLessons(TinyPlan.directory(dir));
        Set<String> archived = Set.of("c1-math#1@2021-09-13");

        DeliveredReport.Subject before = math(DeliveredReports.build(lessons.now(), archived, Set.of(), null, null));
        lessons.replace(PlanFile.parse(TinyPlan.replanned(5), "GET /api/plan"));
        DeliveredReport after = DeliveredReports.build(lessons.now(), archived, Set.of(), null, null);

        assertThat(before).isEqualTo(new DeliveredReport.Subject("数学", 2, 1, 1, 0));
        assertThat(math(after)).isEqualTo(new DeliveredReport.Subject("数学", 3, 1, 1, 0));
    }

    private static DeliveredReport.Subject math(DeliveredReport report) {
        return report.pairings().get(0).subjects().stream().filter(s -> s.subject().equals("数学")).findFirst()
                .orElseThrow();
    }
}
