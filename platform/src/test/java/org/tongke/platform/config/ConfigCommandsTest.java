package org.tongke.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.testing.TinyCounty;
import org.tongke.platform.cli.CommandRun;
import org.tongke.platform.cli.ExitCodes;

class ConfigCommandsTest {
    @TempDir
    Path dir;

    TinyCounty tiny;

    @BeforeEach
    void copyTinyCounty() {
        tiny = TinyCounty.copyTo(dir.resolve("tiny"));
    }

    @Test
    void validatePrintsTheSummaryAndExitsZero() {
        CommandRun run = CommandRun.of("config", "validate", "--config", tiny.dir().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("is valid").contains("测试县 (tiny)")
                .containsPattern("communities\\s+1\\s+\\(merged 0, co-built 1, collaborative 0\\)")
                .containsPattern("schools\\s+2\\s+\\(urban 1, rural 1\\)")
                .containsPattern("classes\\s+3")
                .containsPattern("teachers\\s+5")
                .containsPattern("classrooms\\s+5\\s+\\(recording 2\\)")
                .containsPattern("weekly periods\\s+59")
                .containsPattern("requirements\\s+4\\s+\\(2 lessons across schools, 2 a week; 2 teaching research\\)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validatePrintsEveryErrorWithFileAndLineAndExitsTwo() {
        tiny.edit("schools/zhenbu.yaml", "{start: \"09:00\", end: \"09:40\"}", "{start: \"09:00\", end: \"08:30\"}");
        tiny.edit("schools/chengxi.yaml", "setting: urban", "setting: city");

        CommandRun run = CommandRun.of("config", "validate", "--config", tiny.dir().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly(
                "schools/chengxi.yaml:4 setting: 'city' is not one of urban, rural",
                "schools/zhenbu.yaml:8 bellSchedule.weekdays[1].end: period ends (08:30) before it starts (09:00)",
                "2 errors in " + tiny.dir() + "; fix them and validate again.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void exportWritesTheResolvedCountyAsOneJsonDocument() throws Exception {
        Path out = dir.resolve("out/county.json");

        CommandRun run = CommandRun.of("config", "export", "--config", tiny.dir().toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertThat(json.path("format").asText()).isEqualTo("tongke-county");
        assertThat(json.path("version").asInt()).isEqualTo(1);
        JsonNode county = json.path("county");
        assertThat(county.path("name").asText()).isEqualTo("测试县");
        assertThat(county.path("communities").get(0).path("type").asText()).isEqualTo("co-built");
        assertThat(county.path("targets").path("co-built").path("syncLessons").asInt()).isEqualTo(20);
        JsonNode chengxi = county.path("schools").get(0);
        assertThat(chengxi.path("bellSchedule").path("days").path("friday").size()).isEqualTo(5);
        assertThat(chengxi.path("bellSchedule").path("days").path("monday").get(0).path("start").asText()).isEqualTo("08:00");
        assertThat(chengxi.path("calendar").path("holidays").findValuesAsText("name")).contains("国庆节", "期中考试");
        assertThat(chengxi.path("timetable").get(3).path("kind").asText()).isEqualTo("self-study");
        assertThat(county.path("lessons").get(1).path("kind").asText()).isEqualTo("dedicated-delivery");
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void exportRefusesABrokenConfigurationAndWritesNothing() {
        tiny.edit("communities.yaml", "core: chengxi", "core: chengdong");
        Path out = dir.resolve("county.json");

        CommandRun run = CommandRun.of("config", "export", "--config", tiny.dir().toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("communities.yaml:5 communities[0].core: no school 'chengdong'");
        assertThat(out).doesNotExist();
    }
}
