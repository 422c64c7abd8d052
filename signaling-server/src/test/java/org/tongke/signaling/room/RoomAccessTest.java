package org.tongke.signaling.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;

class RoomAccessTest {
    static final List<String> CLASSROOMS = List.of("wuzhong/lubo");

    static Identity identity(Role role, String scope) {
        Instant now = Instant.parse("2021-09-06T00:00:00Z");
        return new Identity("someone", role, Scope.parse(scope), now, now.plusSeconds(60), "jti");
    }

    @Test
    void countyOrSchoolStaffJoinAnyRoom() {
        assertThat(RoomAccess.mayJoin(identity(Role.STAFF, "county:qingtian"), "l#1", CLASSROOMS)).isTrue();
        assertThat(RoomAccess.mayJoin(identity(Role.STAFF, "school:wuzhong"), "l#1", CLASSROOMS)).isTrue();
    }

    @Test
    void teachersJoinTheirLessonOrARoomListingTheirClassroom() {
        assertThat(RoomAccess.mayJoin(identity(Role.LEAD_TEACHER, "lesson:l#1"), "l#1", CLASSROOMS)).isTrue();
        assertThat(RoomAccess.mayJoin(identity(Role.LEAD_TEACHER, "lesson:l#2"), "l#1", CLASSROOMS)).isFalse();
        assertThat(RoomAccess.mayJoin(identity(Role.ASSISTANT_TEACHER, "classroom:wuzhong/lubo"), "l#1", CLASSROOMS)).isTrue();
        assertThat(RoomAccess.mayJoin(identity(Role.ASSISTANT_TEACHER, "school:wuzhong"), "l#1", CLASSROOMS)).isFalse();
    }

    @Test
    void agentJoinsOnlyARoomListingItsClassroom() {
        assertThat(RoomAccess.mayJoin(identity(Role.CLASSROOM_AGENT, "classroom:wuzhong/lubo"), "l#1", CLASSROOMS)).isTrue();
        assertThat(RoomAccess.mayJoin(identity(Role.CLASSROOM_AGENT, "classroom:shankou/lubo"), "l#1", CLASSROOMS)).isFalse();
    }

    @Test
    void onlyStaffOrTheLessonsLeadTeacherOpenARoom() {
        assertThat(RoomAccess.mayOpen(identity(Role.STAFF, "county:qingtian"), "l#1", CLASSROOMS)).isTrue();
        assertThat(RoomAccess.mayOpen(identity(Role.LEAD_TEACHER, "lesson:l#1"), "l#1", CLASSROOMS)).isTrue();
        assertThat(RoomAccess.mayOpen(identity(Role.ASSISTANT_TEACHER, "classroom:wuzhong/lubo"), "l#1", CLASSROOMS)).isFalse();
    }

    @Test
    void participantsClassroomComesFromAClassroomScopeOnly() {
        assertThat(RoomAccess.classroomOf(identity(Role.CLASSROOM_AGENT, "classroom:wuzhong/lubo"))).isEqualTo("wuzhong/lubo");
        assertThat(RoomAccess.classroomOf(identity(Role.LEAD_TEACHER, "lesson:l#1"))).isNull();
    }
}
