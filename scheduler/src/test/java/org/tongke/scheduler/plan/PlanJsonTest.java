package org.tongke.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.County;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;
import org.tongke.scheduler.publish.SchedulerService;
import org.tongke.scheduler.solver.TimetableSolver;

class PlanJsonTest {
    @TempDir
    Path dir;

    private Plan solvedTinyPlan() {
        TinyCounty tiny = TinyCounty.copyTo(dir);
        tiny.edit("schools/zhenbu.yaml", "{start: \"13:40\", end: \"14:20\"}", "{start: \"13:30\", end: \"14:10\"}");
        County county = CountyValidator.validate(dir).orThrow();
        Plan plan = new SchedulerService(county).solve(TimetableSolver.Limits.of(Duration.ofSeconds(5)), Map.of(), p -> { });
        assertThat(org.tongke.scheduler.check.PlanChecker.check(county, plan)).isEmpty();
        return plan;
    }

    @Test
    void planReadsBackEqualToWhatWasWritten() throws IOException {
        Plan plan = solvedTinyPlan();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PlanJson.write(plan, out);
        String json = out.toString(StandardCharsets.UTF_8);

        assertThat(PlanJson.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(plan);
        assertThat(json).contains("\"format\" : \"tongke-plan\"").contains("\"kind\" : \"dedicated-delivery\"")
                .contains("\"displaces\" : \"").contains("\"start\" : \"13:30\"").contains("\"day\" : \"");
    }

    @Test
    void refusesADocumentThatIsNotAPlan() {
        assertThatThrownBy(() -> PlanJson.read(new ByteArrayInputStream("{\"format\": \"tongke-county\"}".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("not a plan");
        assertThatThrownBy(() -> PlanJson.read(new ByteArrayInputStream("{\"format\": \"tongke-plan\", \"version\": 9}".getBytes())))
                .isInstanceOf(IOException.class).hasMessageContaining("version 9 is not supported");
        assertThatThrownBy(() -> PlanJson.read(new ByteArrayInputStream("{\"format\": ".getBytes())))
                .isInstanceOf(IOException.class);
    }
}
