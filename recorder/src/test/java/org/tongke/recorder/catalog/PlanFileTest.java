package org.tongke.recorder.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tongke.recorder.testing.TinyPlan;

class PlanFileTest {
    @Test
    void readsAPlanFileWithoutVersionAndTheSchedulersAnswerWithItsVersion() {
        PlanFile file = PlanFile.parse(TinyPlan.json(), "tiny-plan.json");
        PlanFile answer = PlanFile.parse(TinyPlan.replanned(7), "GET /api/plan");

        assertThat(file.version()).isNull();
        assertThat(file.occurrences()).hasSize(4);
        assertThat(answer.version()).isEqualTo(7L);
        assertThat(answer.county()).isEqualTo("tiny");
        assertThat(answer.occurrences()).hasSize(5);
        assertThat(answer.research()).hasSize(2);
    }

    @Test
    void aWrongPlanIsRefusedNamingWhereAndTheField() {
        assertThatThrownBy(() -> PlanFile.parse(TinyPlan.replanned(7).replace("\"2021-09-15\"", "\"15 Sept\""),
                "GET /api/plan")).hasMessageStartingWith("GET /api/plan: plan.occurrences[1] (c1-math#1@2021-09-13):"
                        + " 'date' must be YYYY-MM-DD");
        assertThatThrownBy(() -> PlanFile.parse("{\"version\":7}", "GET /api/plan"))
                .hasMessage("GET /api/plan: field 'plan' is missing");
        assertThatThrownBy(() -> PlanFile.parse("{\"version\":7,\"plan\":{}}", "GET /api/plan"))
                .hasMessage("GET /api/plan: field 'plan.county' is missing");
        assertThatThrownBy(() -> PlanFile.parse("{\"plan\":{}}", "plan.json"))
                .hasMessageContaining("plan.json: neither 'format'");
        assertThatThrownBy(() -> PlanFile.parse("{\"plan\":", "plan.json")).hasMessageStartingWith("plan.json: not a plan");
    }
}
