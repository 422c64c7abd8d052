package org.tongke.config.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tongke.config.county.Community;
import org.tongke.config.county.Pairing;
import org.tongke.config.school.Setting;
import org.tongke.config.school.Stage;

class QingtianBlueprintTest {
    private final CountyBlueprint qingtian = QingtianBlueprint.create();

    private BlueprintSchool school(String id) {
        return qingtian.school(id).orElseThrow();
    }

    @Test
    void hasFiftyFiveDistinctSchoolsInItsCommunities() {
        Set<String> inCommunities = new TreeSet<>();
        qingtian.communities().forEach(c -> inCommunities.addAll(c.schools()));

        assertThat(inCommunities).hasSize(55);
        assertThat(qingtian.schools()).hasSize(60);
    }

    @Test
    void firstSchoolOfEachCommunityIsItsCore() {
        Community first = qingtian.communities().get(0);

        assertThat(first.core()).isEqualTo("zhangdan-zhongxue");
        assertThat(first.members()).containsExactly("rengong-fenxiao");
        assertThat(qingtian.communities().get(15).since()).isEqualTo(2021);
        assertThat(first.since()).isZero();
    }

    @Test
    void resolvesTheOtherNamesThePairingsTableUses() {
        assertThat(qingtian.pairings()).contains(
                new Pairing("dongyuan-xiaoxue", "hongguang-fenxiao", 2021, null),
                new Pairing("dongshan-fenxiao", "haikou-zhenxiao", 2021, null),
                new Pairing("qingtian-erzhong", "sanxikou-xuexiao", 2021, null),
                new Pairing("shankou-zhenzhong", "renzhuang-zhenzhong", 2019, "huaqiao-zhongxue"));
    }

    @Test
    void skipsTheRowWhoseReceivingSchoolIsOnlyACountyName() {
        assertThat(qingtian.pairings()).hasSize(34);
        assertThat(qingtian.pairings()).extracting(Pairing::receiving).doesNotContain("缙云").doesNotHaveDuplicates();
    }

    @Test
    void addsTeachingPointsAsVillagePrimarySchools() {
        for (String id : List.of("kuishi-jiaoxuedian", "hongfuqian-jiaoxuedian")) {
            assertThat(school(id).stage()).isEqualTo(Stage.PRIMARY);
            assertThat(school(id).setting()).isEqualTo(Setting.RURAL);
            assertThat(school(id).teachingPoint()).isTrue();
        }
    }

    @Test
    void addsSupportingSchoolsFromOtherCountiesAsTownSchools() {
        assertThat(school("jinyun-ziwei-xiaoxue").name()).isEqualTo("缙云县紫薇小学");
        for (String id : List.of("jinyun-ziwei-xiaoxue", "pinghu-pingshi-fuxiao", "shengzhou-shanxi-xiaoxue")) {
            assertThat(school(id).stage()).isEqualTo(Stage.PRIMARY);
            assertThat(school(id).setting()).isEqualTo(Setting.URBAN);
        }
    }

    @Test
    void takesStageFromThePairingsTableBeforeTheName() {
        assertThat(school("rengong-fenxiao").stage()).isEqualTo(Stage.NINE_YEAR);
        assertThat(school("fushan-zhongxue").stage()).isEqualTo(Stage.NINE_YEAR);
        assertThat(school("fangshan-xiangxiao").stage()).isEqualTo(Stage.PRIMARY);
        assertThat(school("renzhuang-zhenzhong").stage()).isEqualTo(Stage.JUNIOR);
    }

    @Test
    void readsStageFromTheNameOtherwise() {
        assertThat(school("huaqiao-zhongxue").stage()).isEqualTo(Stage.JUNIOR);
        assertThat(school("qingtian-erzhong").stage()).isEqualTo(Stage.JUNIOR);
        assertThat(school("jiangnan-xuexiao").stage()).isEqualTo(Stage.NINE_YEAR);
        assertThat(school("wenxi-sanxiao").stage()).isEqualTo(Stage.PRIMARY);
        assertThat(school("chuanliao-zhenxiao").stage()).isEqualTo(Stage.PRIMARY);
    }

    @Test
    void widensAJuniorSchoolThatLeadsPrimarySchoolsToNineYear() {
        assertThat(school("tiezi-zhongxue").stage()).isEqualTo(Stage.NINE_YEAR);
        assertThat(school("zhangdan-zhongxue").stage()).isEqualTo(Stage.NINE_YEAR);
        assertThat(school("shankou-zhenzhong").stage()).isEqualTo(Stage.NINE_YEAR);
    }

    @Test
    void coresAndSupportingSchoolsAreUrbanAndTheRestRural() {
        assertThat(school("shiyan-xiaoxue").setting()).isEqualTo(Setting.URBAN);
        assertThat(school("pingyan-xiaoxue").setting()).isEqualTo(Setting.URBAN);
        assertThat(school("rengong-fenxiao").setting()).isEqualTo(Setting.RURAL);
        assertThat(school("renzhuang-zhenzhong").setting()).isEqualTo(Setting.RURAL);
        for (Community c : qingtian.communities()) {
            assertThat(school(c.core()).setting()).as(c.name()).isEqualTo(Setting.URBAN);
        }
    }

    @Test
    void schoolIdsAreUniqueReadablePinyin() {
        assertThat(qingtian.schools()).extracting(BlueprintSchool::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z]+(-[a-z]+)+"));
    }
}
