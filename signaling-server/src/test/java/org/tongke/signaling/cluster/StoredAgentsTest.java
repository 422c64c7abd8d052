package org.tongke.signaling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tongke.signaling.agent.ClassroomStatus;

/** How a classroom stored in Redis reads for staff, with and without its agent's live presence. */
class StoredAgentsTest {
    private static final Instant CONNECTED = Instant.parse("2026-03-02T05:00:00Z");
    private static final Instant HEARD = Instant.parse("2026-03-02T05:59:50Z");
    private static final Instant LEFT = Instant.parse("2026-03-02T06:00:00Z");

    private static ClassroomStatus status(String state, Instant offlineSince) {
        boolean on = !ClassroomStatus.OFFLINE.equals(state);
        return new ClassroomStatus("wuzhong/lubo", "wuzhong", "吴中小学", "录播教室", state, null,
                on ? "classroom:wuzhong/lubo" : null, on ? CONNECTED : null, HEARD, null, null, 17L, 18L,
                on ? "qt-01-sync#1" : null, offlineSince);
    }

    @Test
    void anAgentWhoseNodeStillSpeaksForItIsAsItsNodeSaid() {
        ClassroomStatus read = RedisAgents.status(RedisAgents.stored(status("away", null), "b", "s-1"), true);

        assertThat(read.state()).isEqualTo("away");
        assertThat(read.node()).isEqualTo("b");
        assertThat(read.connectedAt()).isEqualTo(CONNECTED);
        assertThat(read.room()).isEqualTo("qt-01-sync#1");
        assertThat(read.acknowledgedVersion()).isEqualTo(17L);
        assertThat(read.scheduleVersion()).isEqualTo(18L);
        assertThat(read.offlineSince()).isNull();
    }

    @Test
    void anAgentWhoseNodeDiedIsOfflineSinceItWasLastHeard() {
        ClassroomStatus read = RedisAgents.status(RedisAgents.stored(status("online", null), "b", "s-1"), false);

        assertThat(read.state()).isEqualTo("offline");
        assertThat(read.offlineSince()).isEqualTo(HEARD);
        assertThat(read.node()).isNull();
        assertThat(read.agent()).isNull();
        assertThat(read.room()).isNull();
        assertThat(read.acknowledgedVersion()).as("what it had acknowledged stays").isEqualTo(17L);
    }

    @Test
    void anAgentThatLeftIsOfflineSinceItLeft() {
        ClassroomStatus read = RedisAgents.status(RedisAgents.stored(status("offline", LEFT), "b", "s-1"), false);

        assertThat(read.state()).isEqualTo("offline");
        assertThat(read.offlineSince()).isEqualTo(LEFT);
        assertThat(read.lastHeartbeat()).isEqualTo(HEARD);
    }
}
