package org.tongke.signaling.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What staff see when this node and the other nodes say different things of a classroom. */
class ClassroomStatusTest {
    private static final Instant AT = Instant.parse("2026-03-02T06:00:00Z");

    private static ClassroomStatus here(String state) {
        return new ClassroomStatus("wuzhong/lubo", "wuzhong", "吴中小学", "录播教室", state, null,
                state.equals("offline") ? null : "classroom:wuzhong/lubo", null, null, null, null, null, 20L, null, null);
    }

    private static ClassroomStatus elsewhere(String state) {
        return new ClassroomStatus("wuzhong/lubo", "wuzhong", "wuzhong", "wuzhong/lubo", state, "b",
                "classroom:wuzhong/lubo", AT, AT, null, null, 18L, 19L, "qt-01-sync#1",
                state.equals("offline") ? AT : null);
    }

    @Test
    void theAgentConnectedHereIsShownAsThisNodeHasIt() {
        assertThat(ClassroomStatus.combine(here("online"), elsewhere("online"))).isEqualTo(here("online"));
    }

    @Test
    void anAgentOnAnotherNodeIsShownAsThatNodeSaidUnderTheNamesKnownHere() {
        ClassroomStatus shown = ClassroomStatus.combine(here("offline"), elsewhere("online"));

        assertThat(shown.state()).isEqualTo("online");
        assertThat(shown.node()).isEqualTo("b");
        assertThat(shown.schoolName()).isEqualTo("吴中小学");
        assertThat(shown.name()).isEqualTo("录播教室");
        assertThat(shown.acknowledgedVersion()).isEqualTo(18L);
        assertThat(shown.scheduleVersion()).as("the version its own node sent it").isEqualTo(19L);
        assertThat(shown.room()).isEqualTo("qt-01-sync#1");
    }

    @Test
    void anAgentOfflineEverywhereShowsSinceWhenWithTheVersionOfItsScheduleNow() {
        ClassroomStatus shown = ClassroomStatus.combine(here("offline"), elsewhere("offline"));

        assertThat(shown.state()).isEqualTo("offline");
        assertThat(shown.offlineSince()).isEqualTo(AT);
        assertThat(shown.scheduleVersion()).isEqualTo(20L);
        assertThat(shown.acknowledgedVersion()).isEqualTo(18L);
    }

    @Test
    void aClassroomNoNodeEverSawIsAsThisNodeHasIt() {
        assertThat(ClassroomStatus.combine(here("offline"), null)).isEqualTo(here("offline"));
    }
}
