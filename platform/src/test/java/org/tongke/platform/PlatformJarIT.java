package org.tongke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar as a user runs it: the README's first command and its failure modes. */
class PlatformJarIT {
    @TempDir
    Path dir;

    @Test
    void validatesTheQingtianSampleWithItsTwentySixCommunities() throws Exception {
        PlatformJar.Result run = PlatformJar.run("config", "validate", "--config", PlatformJar.SAMPLE.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("is valid").contains("青田县 (qingtian)")
                .containsPattern("communities\\s+26\\s+\\(merged 7, co-built 10, collaborative 9\\)");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void brokenCopyOfTheSamplePrintsAllItsErrorsWithFileAndLineAndExitsTwo() throws Exception {
        Path copy = copySample();
        Path community = copy.resolve("communities.yaml");
        Files.writeString(community, Files.readString(community).replaceFirst("type: merged", "type: fused"));
        Path school = Files.list(copy.resolve("schools")).sorted().findFirst().orElseThrow();
        Files.writeString(school, Files.readString(school).replaceFirst("setting: (urban|rural)", "setting: suburban")
                .replaceFirst("end: \"(\\d\\d:\\d\\d)\"", "end: \"07:00\""));
        Files.writeString(copy.resolve("county.yaml"), Files.readString(copy.resolve("county.yaml")) + "\nweather: sunny\n");

        PlatformJar.Result run = PlatformJar.run("config", "validate", "--config", copy.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        String schoolFile = "schools/" + school.getFileName();
        assertThat(run.err().lines().filter(l -> l.matches("^[\\w/.-]+\\.yaml:\\d+ .*")))
                .anySatisfy(l -> assertThat(l).startsWith("communities.yaml:").contains("'fused' is not one of merged, co-built, collaborative"))
                .anySatisfy(l -> assertThat(l).startsWith(schoolFile + ":").contains("setting: 'suburban' is not one of urban, rural"))
                .anySatisfy(l -> assertThat(l).startsWith(schoolFile + ":").contains("period ends (07:00) before it starts"))
                .anySatisfy(l -> assertThat(l).startsWith("county.yaml:").contains("weather: unknown key"));
        assertThat(run.err()).containsPattern("\\d+ errors in ").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void exportsTheSampleAsJson() throws Exception {
        Path out = dir.resolve("qingtian.json");

        PlatformJar.Result run = PlatformJar.run("config", "export", "--config", PlatformJar.SAMPLE.toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).startsWith("{").contains("\"format\" : \"tongke-county\"").contains("章旦中学");
    }

    @Test
    void generatesASyntheticCountyThatValidates() throws Exception {
        Path out = dir.resolve("synthetic");

        PlatformJar.Result generated = PlatformJar.run("config", "generate", "--schools", "40", "--communities", "12",
                "--seed", "7", "--out", out.toString());
        PlatformJar.Result validated = PlatformJar.run("config", "validate", "--config", out.toString());

        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(validated.exitCode()).as(validated.err()).isZero();
        assertThat(validated.out()).containsPattern("schools\\s+40").containsPattern("communities\\s+12");
    }

    @Test
    void helpNamesEveryCommandAndExitsZero() throws Exception {
        PlatformJar.Result help = PlatformJar.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("config").contains("scheduler").contains("signaling").contains("recorder")
                .contains("edge-agent").contains("token").contains("demo");
    }

    private Path copySample() throws Exception {
        Path copy = dir.resolve("sample");
        try (Stream<Path> files = Files.walk(PlatformJar.SAMPLE)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(PlatformJar.SAMPLE.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }
}
