package org.tongke.config.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.county.Community;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.County;
import org.tongke.config.diagnostic.Problem;
import org.tongke.config.validate.CountyValidator;
import org.tongke.config.validate.TargetCoverage;
import org.tongke.config.validate.ValidatedCounty;

/** The committed sample folder {@code samples/qingtian}: what it is and that it is up to date. */
class QingtianSampleTest {
    /** Tests run in the config module's folder; the sample sits at the top of the repository. */
    static final Path SAMPLE = Path.of("..", "samples", "qingtian");
    private static final String README = "README.md";

    private static ValidatedCounty validated;

    @BeforeAll
    static void validateTheSample() {
        validated = CountyValidator.validate(SAMPLE);
    }

    @Test
    void committedSampleIsExactlyWhatTheGeneratorWritesNow(@TempDir Path fresh) throws IOException {
        long seed = SampleCounties.QINGTIAN_SAMPLE_SEED;
        CountyYamlWriter.write(SampleCounties.qingtian(seed), fresh, SampleCounties.qingtianCommand(seed));

        Map<String, byte[]> committed = files(SAMPLE);
        committed.remove(README);
        Map<String, byte[]> generated = files(fresh);
        assertThat(committed.keySet()).containsExactlyElementsOf(generated.keySet());
        generated.forEach((name, bytes) -> assertThat(committed.get(name))
                .as("%s differs from what the generator writes; regenerate it: java -jar platform/target/classroom-platform.jar config generate --county qingtian --seed 2021 --out samples/qingtian", name)
                .isEqualTo(bytes));
    }

    @Test
    void readmeTablesEveryCommunityByIdAndName() throws IOException {
        String readme = Files.readString(SAMPLE.resolve(README));

        for (Community c : validated.orThrow().communities()) {
            assertThat(readme).contains("| " + c.id() + " | " + c.name() + " | " + c.type().key() + " ");
        }
    }

    @Test
    void sampleValidatesWithoutErrorsOrWarnings() {
        assertThat(validated.problems().errors()).extracting(Problem::toString).isEmpty();
        assertThat(validated.problems().warnings()).extracting(Problem::toString).isEmpty();
    }

    @Test
    void sampleHasTheTwentySixRealCommunitiesWithTheirTypes() {
        List<Community> communities = validated.orThrow().communities();

        assertThat(communities).hasSize(26);
        Map<CommunityType, Long> byType = communities.stream()
                .collect(Collectors.groupingBy(Community::type, Collectors.counting()));
        assertThat(byType).containsEntry(CommunityType.MERGED, 7L).containsEntry(CommunityType.CO_BUILT, 10L)
                .containsEntry(CommunityType.COLLABORATIVE, 9L);
        assertThat(communities.get(0).name()).isEqualTo("章旦中学—仁宫分校融合型教共体");
        assertThat(communities.get(12).name()).isEqualTo("章旦中学—阜山中学—北山镇校—巨浦乡小—万阜乡校共建型教共体");
        assertThat(communities.get(25).name()).isEqualTo("温溪二小—贵岙乡小协作型教共体");
        assertThat(communities).extracting(Community::id).startsWith("qt-01", "qt-02").endsWith("qt-26");
    }

    @Test
    void schoolsOfEachCommunityRingDifferentBells() {
        County county = validated.orThrow();
        for (Community c : county.communities()) {
            List<BellSchedule> bells = c.schools().stream()
                    .map(id -> county.school(id).orElseThrow().bellSchedule()).toList();
            assertThat(bells).as(c.name()).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyMergedAndCoBuiltPairingReachesTheYearlyTargets() {
        List<TargetCoverage.PairingCapacity> pairings = new TargetCoverage(validated.orThrow()).pairings().stream()
                .filter(p -> p.community().type() != CommunityType.COLLABORATIVE).toList();

        // 9 member schools in merged communities, 16 in co-built ones.
        assertThat(pairings).hasSize(25);
        assertThat(pairings).allSatisfy(p -> {
            assertThat(p.reachesTargets()).as(p.pairing().toString()).isTrue();
            assertThat(p.lessons()).isGreaterThanOrEqualTo(20);
            assertThat(p.subjects()).isGreaterThanOrEqualTo(2);
            assertThat(p.onlineResearch()).isGreaterThanOrEqualTo(8);
            assertThat(p.offlineResearch()).isGreaterThanOrEqualTo(4);
        });
    }

    /** Every file under the folder by its path relative to it, with '/' between parts. */
    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                files.put(name, Files.readAllBytes(p));
            }
        }
        return files;
    }
}
