package org.tongke.config.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleTest {

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleIsFoundByItsWord(Role role) {
        assertThat(Role.fromWord(role.word())).isSameAs(role);
    }

    @Test
    void unknownWordIsAnUnknownRoleNamingTheKnownOnes() {
        assertThatThrownBy(() -> Role.fromWord("teacher"))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.problem()).isEqualTo(TokenProblem.UNKNOWN_ROLE))
                .hasMessage("role 'teacher' is not one of lead-teacher, assistant-teacher, classroom-agent, staff");
    }
}
