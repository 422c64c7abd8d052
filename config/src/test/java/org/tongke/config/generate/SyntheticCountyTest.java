package org.tongke.config.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.Community;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.County;
import org.tongke.config.diagnostic.Problem;
import org.tongke.config.school.Setting;
import org.tongke.config.validate.CountyValidator;
import org.tongke.config.validate.ValidatedCounty;

class SyntheticCountyTest {
    @TempDir
    Path dir;

    private ValidatedCounty writeAndValidate(County county) throws IOException {
        CountyYamlWriter.write(county, dir, "config generate --schools " + county.schools().size());
        return CountyValidator.validate(dir);
    }

    @Test
    void twoHundredSchoolsInSeventyCommunitiesValidateWithoutErrorsOrWarnings() throws IOException {
        ValidatedCounty result = writeAndValidate(SampleCounties.synthetic(200, 70, 7));

        assertThat(result.problems().errors()).extracting(Problem::toString).isEmpty();
        assertThat(result.problems().warnings()).extracting(Problem::toString).isEmpty();
        assertThat(result.orThrow().schools()).hasSize(200);
        assertThat(result.orThrow().communities()).hasSize(70);
    }

    @Test
    void sixSchoolsInTwoCommunitiesValidateWithoutErrorsOrWarnings() throws IOException {
        ValidatedCounty result = writeAndValidate(SampleCounties.synthetic(6, 2, 2021));

        assertThat(result.problems().errors()).extracting(Problem::toString).isEmpty();
        assertThat(result.problems().warnings()).extracting(Problem::toString).isEmpty();
    }

    @Test
    void everySchoolIsInACommunityWhenTheCommunitiesHaveRoom() {
        CountyBlueprint county = SyntheticBlueprint.create(200, 70, 7);
        Set<String> inCommunities = new HashSet<>();
        county.communities().forEach(c -> inCommunities.addAll(c.schools()));

        assertThat(inCommunities).hasSize(200);
        assertThat(county.communities()).allSatisfy(c -> assertThat(c.members()).hasSizeBetween(1, 4));
    }

    @Test
    void communityTypesMixLikeQingtians() {
        Map<CommunityType, Long> types = SyntheticBlueprint.create(200, 70, 7).communities().stream()
                .collect(Collectors.groupingBy(Community::type, Collectors.counting()));

        assertThat(types).containsEntry(CommunityType.MERGED, 19L).containsEntry(CommunityType.CO_BUILT, 27L)
                .containsEntry(CommunityType.COLLABORATIVE, 24L);
    }

    @Test
    void everyCoreIsATownSchool() {
        CountyBlueprint county = SyntheticBlueprint.create(200, 70, 7);

        assertThat(county.communities()).allSatisfy(c ->
                assertThat(county.school(c.core()).orElseThrow().setting()).isEqualTo(Setting.URBAN));
    }

    @Test
    void schoolIdsAndNamesAreUnique() {
        CountyBlueprint county = SyntheticBlueprint.create(1_000, 300, 11);

        assertThat(county.schools()).extracting(BlueprintSchool::id).doesNotHaveDuplicates();
        assertThat(county.schools()).extracting(BlueprintSchool::name).doesNotHaveDuplicates();
    }

    @Test
    void refusesACountyWithoutTwoSchools() {
        assertThatThrownBy(() -> SyntheticBlueprint.create(1, 1, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
