package org.tongke.config.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongke.config.county.County;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.Setting;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.Stage;
import org.tongke.config.school.TimetableEntry;

class CountyGeneratorTest {
    private static final County QINGTIAN = SampleCounties.qingtian(2021);

    @Test
    void sameSeedWritesTheSameFilesByteForByte() {
        Map<Path, String> first = CountyYamlWriter.render(SampleCounties.qingtian(2021), "x");
        Map<Path, String> second = CountyYamlWriter.render(SampleCounties.qingtian(2021), "x");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedWritesADifferentCounty() {
        County other = SampleCounties.qingtian(2022);

        assertThat(other.communities()).isEqualTo(QINGTIAN.communities());
        assertThat(other.schools()).isNotEqualTo(QINGTIAN.schools());
        assertThat(CountyYamlWriter.render(other, "x")).isNotEqualTo(CountyYamlWriter.render(QINGTIAN, "x"));
    }

    @Test
    void addingASchoolLeavesEveryOtherSchoolAsItWas() {
        CountyBlueprint qingtian = QingtianBlueprint.create();
        List<BlueprintSchool> more = new ArrayList<>(qingtian.schools());
        more.add(new BlueprintSchool("xinjian-xiaoxue", "新建小学", Stage.PRIMARY, Setting.RURAL));
        CountyBlueprint bigger = new CountyBlueprint(qingtian.id(), qingtian.name(), more, qingtian.communities(),
                qingtian.pairings());

        County county = new CountyGenerator(2021).generate(bigger);

        assertThat(county.schools()).hasSize(61).containsAll(QINGTIAN.schools());
    }

    @Test
    void everyClassGetsEveryWeeklyPeriodOfItsCurriculum() {
        for (School school : QINGTIAN.schools()) {
            for (SchoolClass c : school.classes()) {
                Map<String, Integer> placed = new HashMap<>();
                school.timetable().stream()
                        .filter(e -> e.classId().equals(c.id()) && e.kind() == SlotKind.LESSON)
                        .forEach(e -> placed.merge(e.subject(), 1, Integer::sum));
                assertThat(placed).as(school.id() + " " + c.id()).isEqualTo(Curriculum.weeklyHours(c.grade()));
            }
        }
    }

    @Test
    void noClassAndNoTeacherIsBookedTwiceAtOnce() {
        for (County county : List.of(QINGTIAN, SampleCounties.synthetic(60, 20, 5))) {
            for (School school : county.schools()) {
                Set<String> classSlots = new HashSet<>();
                Set<String> teacherSlots = new HashSet<>();
                for (TimetableEntry e : school.timetable()) {
                    String slot = e.day() + "#" + e.period();
                    assertThat(classSlots.add(e.classId() + "@" + slot)).as(school.id() + " " + e).isTrue();
                    if (e.kind() == SlotKind.LESSON) {
                        assertThat(teacherSlots.add(e.teacher() + "@" + slot)).as(school.id() + " " + e).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void noTeacherTeachesDuringTheirWeeklyMeeting() {
        for (School school : QINGTIAN.schools()) {
            school.teachers().forEach(t -> t.unavailable().stream().filter(u -> u.weekday() != null).forEach(u ->
                    assertThat(school.timetable()).noneMatch(e -> t.id().equals(e.teacher())
                            && e.day() == u.weekday() && u.periods().contains(e.period()))));
        }
    }

    @Test
    void noTeacherTeachesMoreThanSixteenPeriodsAWeek() {
        for (School school : QINGTIAN.schools()) {
            Map<String, Integer> load = new HashMap<>();
            school.timetable().stream().filter(e -> e.kind() == SlotKind.LESSON)
                    .forEach(e -> load.merge(e.teacher(), 1, Integer::sum));
            assertThat(load.values()).allMatch(periods -> periods <= Staffing.MAX_PERIODS);
        }
    }

    @Test
    void everySchoolHasARecordingClassroomWithItsOwnAgent() {
        List<String> agents = new ArrayList<>();
        for (School school : QINGTIAN.schools()) {
            assertThat(school.recordingClassrooms()).isNotEmpty();
            school.recordingClassrooms().forEach(r -> agents.add(r.agent()));
        }
        assertThat(agents).doesNotHaveDuplicates().contains("zhangdan-zhongxue-rec1", "zhangdan-zhongxue-rec2");
    }

    @Test
    void eachSchoolClosesForItsOwnMidTermExams() {
        School school = QINGTIAN.school("rengong-fenxiao").orElseThrow();

        assertThat(school.calendar().holidays()).hasSize(QINGTIAN.calendar().holidays().size() + 2);
        assertThat(school.calendar().holidays().subList(0, QINGTIAN.calendar().holidays().size()))
                .isEqualTo(QINGTIAN.calendar().holidays());
    }
}
