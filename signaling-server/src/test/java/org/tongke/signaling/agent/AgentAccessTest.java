package org.tongke.signaling.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;

class AgentAccessTest {
    static Identity who(Role role, String scope) {
        return new Identity("someone", role, Scope.parse(scope), Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "t-1");
    }

    @Test
    void anAgentSpeaksForTheClassroomOfItsTokenOnly() {
        assertThat(AgentAccess.agentClassroom(who(Role.CLASSROOM_AGENT, "classroom:wuzhong/lubo"))).isEqualTo("wuzhong/lubo");
        assertThat(AgentAccess.agentClassroom(who(Role.CLASSROOM_AGENT, "school:wuzhong"))).isNull();
        assertThat(AgentAccess.agentClassroom(who(Role.ASSISTANT_TEACHER, "classroom:wuzhong/lubo"))).isNull();
    }

    @Test
    void countyStaffCommandEveryClassroomSchoolStaffTheirOwnOnly() {
        assertThat(AgentAccess.mayCommand(who(Role.STAFF, "county:qingtian"), "wuzhong/lubo", false)).isTrue();
        assertThat(AgentAccess.mayCommand(who(Role.STAFF, "school:wuzhong"), "wuzhong/lubo", false)).isTrue();
        assertThat(AgentAccess.mayCommand(who(Role.STAFF, "school:wuzhong"), "wuzhong-2/lubo", false)).isFalse();
        assertThat(AgentAccess.mayCommand(who(Role.STAFF, "classroom:wuzhong/lubo"), "wuzhong/lubo", false)).isFalse();
    }

    @Test
    void aLeadTeacherCommandsOnlyFromARoomListingTheClassroomAndNobodyElseDoes() {
        assertThat(AgentAccess.mayCommand(who(Role.LEAD_TEACHER, "lesson:l#1"), "wuzhong/lubo", true)).isTrue();
        assertThat(AgentAccess.mayCommand(who(Role.LEAD_TEACHER, "lesson:l#1"), "wuzhong/lubo", false)).isFalse();
        assertThat(AgentAccess.mayCommand(who(Role.ASSISTANT_TEACHER, "classroom:wuzhong/lubo"), "wuzhong/lubo", true))
                .isFalse();
        assertThat(AgentAccess.mayCommand(who(Role.CLASSROOM_AGENT, "classroom:wuzhong/lubo"), "wuzhong/lubo", true))
                .isFalse();
    }
}
