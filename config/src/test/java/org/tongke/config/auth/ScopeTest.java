package org.tongke.config.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"county:qingtian", "school:renzhuang-zhenzhong", "classroom:renzhuang-zhenzhong/lubo",
        "lesson:qt-01-sync-rengong-fenxiao", "lesson:qt-01-sync-rengong-fenxiao#1",
        "lesson:qt-01-sync-rengong-fenxiao#1@2021-09-06", "county:青田县", "school:renzhuang.zhenzhong_2"})
    void parsesEachKindAndWritesItBackTheSame(String text) {
        assertThat(Scope.parse(text).text()).isEqualTo(text);
    }

    @Test
    void splitsTypeFromId() {
        assertThat(Scope.parse("classroom:renzhuang-zhenzhong/lubo"))
                .isEqualTo(new Scope(Scope.Type.CLASSROOM, "renzhuang-zhenzhong/lubo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qingtian", "province:zhejiang", "school:", "school:a b", "school:-lead",
        "classroom:lubo", "classroom:a/b/c", "school:a/b", "lesson:a#", "county:青田 县", "lesson:a@b#1", ":qingtian", "School:x"})
    void refusesScopeTextThatIsNotTypeColonId(String text) {
        assertThatThrownBy(() -> Scope.parse(text))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.problem()).isEqualTo(TokenProblem.BAD_SCOPE));
    }

    @Test
    void scopeWithoutTypeSaysWhichFormsExist() {
        assertThatThrownBy(() -> Scope.parse("qingtian")).hasMessage("scope 'qingtian' needs a type: county:ID, "
                + "school:ID, classroom:SCHOOL/CLASSROOM, lesson:ID");
    }

    @Test
    void refusesAnOverlongId() {
        assertThatThrownBy(() -> Scope.parse("school:" + "a".repeat(Scope.MAX_ID_LENGTH + 1)))
                .isInstanceOf(TokenRejected.class).hasMessageContaining("...");
    }
}
