package org.tongke.signaling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanReaderTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPlanFileGivesEachDatedLessonInBeijingTimeWithItsRooms() {
        LoadedPlan plan = PlanReader.read(utf8(TestPlans.file(List.of(
                TestPlans.occurrence("c1-math#1", "2021-11-24", "13:30", "14:10")))), "plan.json");

        assertThat(plan.county()).isEqualTo("tiny");
        assertThat(plan.version()).isNull();
        assertThat(plan.lessons()).containsExactly(new TimetableLesson("c1-math#1@2021-11-24",
                "数学 · 城西小学 四年级(1)班", OffsetDateTime.parse("2021-11-24T13:30:00+08:00"),
                OffsetDateTime.parse("2021-11-24T14:10:00+08:00"), TestPlans.HOST, List.of(TestPlans.RURAL)));
        assertThat(plan.classrooms()).containsExactly(new KnownClassroom(TestPlans.HOST, "城西小学", "lubo"),
                new KnownClassroom(TestPlans.RURAL, "祯埠镇小", "lubo"));
    }

    @Test
    void theSchedulersAnswerCarriesThePlanVersion() {
        LoadedPlan plan = PlanReader.read(utf8(TestPlans.api(4, List.of())), "GET /api/plan");

        assertThat(plan.version()).isEqualTo(4L);
        assertThat(plan.lessons()).isEmpty();
    }

    @Test
    void anotherFormatABadTimeOrNoJsonIsRefusedNamingWhereAndWhat() {
        assertThatThrownBy(() -> PlanReader.read(utf8(TestPlans.file(List.of()).replace("\"version\":1", "\"version\":2")),
                "plan.json")).hasMessageContaining("plan.json").hasMessageContaining("'format' and 'version'");
        assertThatThrownBy(() -> PlanReader.read(utf8(TestPlans.file(List.of(
                TestPlans.occurrence("c1-math#1", "2021-11-24", "1:30pm", "14:10")))), "plan.json"))
                .hasMessageContaining("occurrence c1-math#1@2021-11-24").hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> PlanReader.read(utf8("{\"plan\":"), "plan.json")).hasMessageContaining("plan.json: not a plan");
        assertThatThrownBy(() -> PlanReader.read(utf8("{\"version\":3}"), "GET x")).hasMessageContaining("'plan'");
    }
}
