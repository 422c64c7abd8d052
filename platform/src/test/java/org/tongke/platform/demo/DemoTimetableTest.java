package org.tongke.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongke.config.county.County;
import org.tongke.config.validate.CountyValidator;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Plan;

class DemoTimetableTest {
    private static County qingtian;

    @BeforeAll
    static void load() {
        qingtian = CountyValidator.validate(Path.of("..", "samples", "qingtian")).orThrow();
    }

    @Test
    void lessonsOfPairedSchoolsStartTodayOneAfterAnotherInRecordingClassroomsOfTheirOwn() {
        ZonedDateTime first = ZonedDateTime.of(2026, 11, 23, 9, 0, 30, 0, ZoneId.of("Asia/Shanghai"));

        Plan plan = new DemoTimetable(qingtian).plan(3, first, Duration.ofSeconds(40), Duration.ofSeconds(15));

        assertThat(plan.occurrences()).hasSize(3);
        assertThat(plan.occurrences()).extracting(o -> o.start().toString())
                .containsExactly("09:00:30", "09:00:45", "09:01");
        assertThat(plan.occurrences()).allSatisfy(o -> {
            assertThat(o.date()).isEqualTo(first.toLocalDate());
            assertThat(Duration.between(o.start(), o.end())).isEqualTo(Duration.ofSeconds(40));
            assertThat(o.receivers()).isNotEmpty();
            assertThat(o.community()).isEqualTo(qingtian.lessons().stream()
                    .filter(r -> r.id().equals(o.requirement())).findFirst().orElseThrow().community());
        });
        Set<String> classrooms = new HashSet<>();
        for (Occurrence o : plan.occurrences()) {
            for (Participant p : o.participants()) {
                assertThat(classrooms.add(p.school() + "/" + p.classroom())).as("classroom used twice").isTrue();
                assertThat(qingtian.school(p.school()).orElseThrow().classroom(p.classroom()).orElseThrow().recording())
                        .isTrue();
            }
        }
    }
}
