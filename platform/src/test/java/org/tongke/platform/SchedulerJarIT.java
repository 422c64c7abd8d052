package org.tongke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler through the jar, as staff run it: solve the sample, check the plan, break it. */
class SchedulerJarIT {
    @TempDir
    Path dir;

    @Test
    void solvesTheQingtianSampleIntoAPlanThatTheCheckerPasses() throws Exception {
        Path plan = dir.resolve("plans/qingtian.json");

        PlatformJar.Result solved = PlatformJar.run("scheduler", "solve", "--config", PlatformJar.SAMPLE.toString(),
                "--out", plan.toString(), "--seconds", "10");
        PlatformJar.Result checked = PlatformJar.run("scheduler", "check", "--config", PlatformJar.SAMPLE.toString(),
                "--plan", plan.toString());

        assertThat(solved.exitCode()).as(solved.err()).isZero();
        assertThat(solved.out()).containsPattern("score\\s+0hard/")
                .containsPattern("weekly lessons\\s+51 placed, 3 unplaced")
                .containsPattern("pairings\\s+25 of 25 with yearly targets meet them");
        assertThat(solved.err()).contains("best score").doesNotContain("Exception").doesNotContain("SLF4J");
        assertThat(checked.exitCode()).as(checked.out() + checked.err()).isZero();
        assertThat(checked.out()).contains("no hard rule broken");
        JsonNode json = new ObjectMapper().readTree(plan.toFile());
        assertThat(json.path("format").asText()).isEqualTo("tongke-plan");
        assertThat(json.path("plan").path("weekly").size()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void checkerReportsAPlanEditedToBreakARule() throws Exception {
        Path plan = dir.resolve("plan.json");
        PlatformJar.run("scheduler", "solve", "--config", PlatformJar.SAMPLE.toString(), "--out", plan.toString(),
                "--seconds", "5");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(plan.toFile());
        var occurrence = (com.fasterxml.jackson.databind.node.ObjectNode) json.path("plan").path("occurrences").get(0);
        occurrence.put("date", "2021-10-01");
        mapper.writeValue(plan.toFile(), json);

        PlatformJar.Result checked = PlatformJar.run("scheduler", "check", "--config", PlatformJar.SAMPLE.toString(),
                "--plan", plan.toString());

        assertThat(checked.exitCode()).isEqualTo(1);
        assertThat(checked.out()).contains("broken").contains("2021-10-01");
    }

    @Test
    void refusesAnInvalidConfigurationOrAPlanThatIsNotOne() throws Exception {
        Path notAPlan = dir.resolve("county.json");
        Files.writeString(notAPlan, "{\"format\": \"tongke-county\"}");
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);

        PlatformJar.Result badConfig = PlatformJar.run("scheduler", "solve", "--config", broken.toString(),
                "--out", dir.resolve("x.json").toString());
        PlatformJar.Result badPlan = PlatformJar.run("scheduler", "check", "--config", PlatformJar.SAMPLE.toString(),
                "--plan", notAPlan.toString());

        assertThat(badConfig.exitCode()).isEqualTo(2);
        assertThat(badConfig.err()).contains("county.yaml: file is missing").contains("nothing was solved");
        assertThat(dir.resolve("x.json")).doesNotExist();
        assertThat(badPlan.exitCode()).isEqualTo(2);
        assertThat(badPlan.err()).contains("not a readable plan: not a plan");
    }
}
