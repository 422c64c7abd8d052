package org.tongke.agent.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.config.testing.SettableClock;

class RoomMembershipTest {
    static final String ROOM = "c1-math#1@2021-11-24";
    static final String NEXT = "c1-music#1@2021-11-24";

    final SettableClock clock = new SettableClock(Instant.parse("2021-11-24T05:20:00Z"));
    final RoomMembership rooms = new RoomMembership("zhenbu/lubo");

    private List<String> tick(String... wanted) {
        return rooms.tick(clock.instant(), List.of(wanted));
    }

    @Test
    void aRoomNotOpenYetIsJoinedAgainEveryFewSecondsUntilItIs() {
        rooms.welcome(false);
        assertThat(tick(ROOM)).containsExactly(AgentCodec.join(ROOM));
        // One join waits at a time.
        assertThat(tick(ROOM)).isEmpty();
        rooms.refused(clock.instant(), "NO_SUCH_ROOM");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tick(ROOM)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tick(ROOM)).containsExactly(AgentCodec.join(ROOM));
        assertThat(rooms.snapshot(ROOM, List.of())).isEmpty();
        assertThat(rooms.in(ROOM)).isTrue();
        assertThat(tick(ROOM)).isEmpty();
    }

    @Test
    void aJoinRefusedOtherwiseIsTriedAgainMuchLaterAndOneUnansweredAfterItsTimeout() {
        assertThat(tick(ROOM)).containsExactly(AgentCodec.join(ROOM));
        rooms.refused(clock.instant(), "FORBIDDEN");
        clock.advance(Duration.ofSeconds(29));
        assertThat(tick(ROOM)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tick(ROOM)).containsExactly(AgentCodec.join(ROOM));
        clock.advance(RoomMembership.JOIN_TIMEOUT);
        assertThat(tick(ROOM)).containsExactly(AgentCodec.join(ROOM));
    }

    @Test
    void theRecordingIsSaidWhenItChangesAndOnJoiningIfTheRoomThinksOtherwise() {
        // Recording by the schedule before the room is joined: said on joining.
        assertThat(rooms.recording(ROOM, true)).isEmpty();
        tick(ROOM);
        assertThat(rooms.snapshot(ROOM, List.of())).containsExactly(AgentCodec.recording(ROOM, true));
        // Said once only.
        assertThat(rooms.recording(ROOM, true)).isEmpty();
        assertThat(rooms.recording(ROOM, false)).containsExactly(AgentCodec.recording(ROOM, false));
        // A snapshot after a resume that still lists the classroom (the agent restarted meanwhile) is corrected.
        assertThat(rooms.snapshot(ROOM, List.of("zhenbu/lubo"))).containsExactly(AgentCodec.recording(ROOM, false));
        assertThat(rooms.snapshot(ROOM, List.of())).isEmpty();
    }

    @Test
    void roomsNoLongerWantedAreLeftAndAFreshSessionIsInNone() {
        tick(ROOM, NEXT);
        rooms.snapshot(ROOM, List.of());
        assertThat(tick(ROOM, NEXT)).containsExactly(AgentCodec.join(NEXT));
        rooms.snapshot(NEXT, List.of());
        assertThat(tick(NEXT)).containsExactly(AgentCodec.leave(ROOM));
        assertThat(rooms.joined()).containsExactly(NEXT);

        rooms.welcome(true);
        assertThat(tick(NEXT)).isEmpty();
        rooms.welcome(false);
        assertThat(rooms.joined()).isEmpty();
        assertThat(tick(NEXT)).containsExactly(AgentCodec.join(NEXT));
    }
}
