package org.tongke.recorder.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.recorder.testing.TinyPlan;

class LessonDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void resolvesAnOccurrenceToThePlansRoomsWithTheCountysNames() {
        LessonDirectory directory = TinyPlan.directory(dir);

        LessonMetadata math = directory.find("c1-math#1@2021-09-06").orElseThrow();

        assertThat(math.title()).isEqualTo("四年级数学");
        assertThat(math.communityName()).isEqualTo("城西小学—祯埠镇小共建型教共体");
        assertThat(math.kind()).isEqualTo(LessonKind.SYNCHRONIZED);
        assertThat(math.grade()).isEqualTo(4);
        assertThat(math.date()).isEqualTo(LocalDate.of(2021, 9, 6));
        assertThat(math.start()).isEqualTo(LocalTime.of(13, 30));
        assertThat(math.hosts()).singleElement().satisfies(host -> {
            assertThat(host.schoolName()).isEqualTo("城西小学");
            assertThat(host.className()).isEqualTo("四年级(1)班");
            assertThat(host.teacherName()).isEqualTo("王芳");
        });
        assertThat(math.receivers()).extracting(Room::teacherName).containsExactly("陈杰");
    }

    @Test
    void resolvesAResearchSessionAsAResearchLessonOfItsTeachers() {
        LessonMetadata research = TinyPlan.directory(dir).find("c1-research-math#1").orElseThrow();

        assertThat(research.kind()).isEqualTo(LessonKind.RESEARCH);
        assertThat(research.title()).isEqualTo("数学教研");
        assertThat(research.rooms()).extracting(Room::teacherName).containsExactly("王芳", "陈杰");
    }

    @Test
    void describesAnAdHocRecordingByItsClassroomsSchoolAndCommunity() {
        LessonDirectory directory = TinyPlan.directory(dir);

        assertThat(directory.find("adhoc-1")).isEmpty();
        LessonMetadata adHoc = directory.describe("adhoc-1", "zhenbu/lubo");
        assertThat(adHoc.title()).isEqualTo("adhoc-1");
        assertThat(adHoc.communityId()).isEqualTo("c1");
        assertThat(adHoc.rooms()).extracting(Room::schoolName).containsExactly("祯埠镇小");
    }

    @Test
    void refusesAPlanOfAnotherVersionNamingTheFile() throws Exception {
        Path file = dir.resolve("plan.json");
        Files.writeString(file, TinyPlan.json().replace("\"version\" : 1", "\"version\" : 2"));

        assertThatThrownBy(() -> PlanFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": version 2 is not supported; this recorder reads version 1");
        assertThatThrownBy(() -> PlanFile.read(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json does not exist");
    }
}
