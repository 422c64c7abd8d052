package org.tongke.signaling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.testing.SettableClock;
import org.tongke.signaling.ice.IceConfig;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.room.InMemoryRoomRegistry;
import org.tongke.signaling.service.SignalingServiceTest.FakeConnection;

class SessionResumeTest {
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final String LEAD = "lesson:l#1";
    private static final String RURAL = "classroom:wuzhong/lubo";

    private final SettableClock clock = new SettableClock(Instant.parse("2025-03-03T08:00:00Z"));
    private final InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(Clock.systemUTC(), 10);
    private final SignalingService service = new SignalingService(
            new TokenVerifier(SignalingServiceTest.SECRET, Clock.systemUTC()), rooms, new SignalingMetrics(),
            Duration.ofSeconds(15), IceConfig.none(), clock, GRACE);
    private final TokenIssuer issuer = new TokenIssuer(SignalingServiceTest.SECRET, Clock.systemUTC());
    private int connections;

    private String token(Role role, String scope) {
        return issuer.issue(role, Scope.parse(scope), null, Duration.ofMinutes(5));
    }

    private FakeConnection hello(Role role, String scope, ClientMessage.Resume resume) {
        FakeConnection c = new FakeConnection("c" + ++connections);
        service.opened(c);
        service.received(c, new ClientMessage.Hello(token(role, scope), resume));
        return c;
    }

    /** The lead teacher's room with a rural agent in it; both have read what joining sent. */
    private FakeConnection[] lesson() {
        FakeConnection lead = hello(Role.LEAD_TEACHER, LEAD, null);
        FakeConnection rural = hello(Role.CLASSROOM_AGENT, RURAL, null);
        service.received(lead, new ClientMessage.OpenRoom("l#1", "t", List.of("wuzhong/lubo")));
        service.received(rural, new ClientMessage.Join("l#1"));
        return new FakeConnection[] {lead, rural};
    }

    private static long lastSeq(FakeConnection c) {
        return c.seqs.get(c.seqs.size() - 1);
    }

    @Test
    void droppedSessionIsAwayThenResumesWithTheMissedMessagesAndTheirSeq() {
        FakeConnection[] c = lesson();
        long seen = lastSeq(c[1]);
        String session = ((ServerMessage.Welcome) c[1].sent.get(0)).session();
        service.closed(c[1], "connection-lost", true);
        assertThat(c[0].last()).asString().contains("Away").contains("connection-lost");
        service.received(c[0], new ClientMessage.Chat("l#1", "one"));
        service.received(c[0], new ClientMessage.Chat("l#1", "two"));
        clock.advance(Duration.ofSeconds(29));

        FakeConnection back = hello(Role.CLASSROOM_AGENT, RURAL, new ClientMessage.Resume(session, seen));

        ServerMessage.Welcome welcome = (ServerMessage.Welcome) back.sent.get(0);
        assertThat(welcome.session()).isEqualTo(session);
        assertThat(welcome.resumed()).isTrue();
        assertThat(welcome.replay()).isEqualTo("buffer");
        assertThat(back.sent).hasSize(3);
        assertThat(back.sent.get(1)).asString().contains("one");
        assertThat(back.sent.get(2)).asString().contains("two");
        assertThat(back.seqs.subList(1, 3)).containsExactly(seen + 1, seen + 2);
        assertThat(c[0].last()).asString().contains("Back");
        // A pong is not numbered: it carries the last number, and the next message takes the next.
        service.received(back, new ClientMessage.Ping(7L));
        assertThat(lastSeq(back)).isEqualTo(seen + 2);
        service.received(c[0], new ClientMessage.Chat("l#1", "three"));
        assertThat(lastSeq(back)).isEqualTo(seen + 3);
    }

    @Test
    void aGapOlderThanTheBufferGetsASnapshotOfEachRoom() {
        FakeConnection[] c = lesson();
        String session = ((ServerMessage.Welcome) c[1].sent.get(0)).session();
        service.closed(c[1], "heartbeat-timeout", true);
        for (int i = 0; i < SignalingService.REPLAY_CAPACITY + 5; i++) {
            service.received(c[0], new ClientMessage.Chat("l#1", "line " + i));
        }

        FakeConnection back = hello(Role.CLASSROOM_AGENT, RURAL, new ClientMessage.Resume(session, 2L));

        ServerMessage.Welcome welcome = (ServerMessage.Welcome) back.sent.get(0);
        assertThat(welcome.resumed()).isTrue();
        assertThat(welcome.replay()).isEqualTo("snapshot");
        assertThat(back.sent).hasSize(2);
        assertThat(back.sent.get(1)).isInstanceOf(ServerMessage.Snapshot.class);
        assertThat(back.seqs.get(1)).isEqualTo(back.seqs.get(0) + 1);
    }

    @Test
    void afterTheGracePeriodTheRoomSeesLeftAndAResumeGetsAFreshSession() {
        FakeConnection[] c = lesson();
        long seen = lastSeq(c[1]);
        String session = ((ServerMessage.Welcome) c[1].sent.get(0)).session();
        service.closed(c[1], "connection-lost", true);
        clock.advance(GRACE);
        service.expireAway();
        assertThat(c[0].last()).asString().contains("Left").contains("connection-lost");

        FakeConnection fresh = hello(Role.CLASSROOM_AGENT, RURAL, new ClientMessage.Resume(session, seen));

        ServerMessage.Welcome welcome = (ServerMessage.Welcome) fresh.sent.get(0);
        assertThat(welcome.resumed()).isFalse();
        assertThat(welcome.session()).isNotEqualTo(session);
    }

    @Test
    void resumingAnotherSubjectsSessionIsRefusedAndTheConnectionMaySayHelloAgain() {
        FakeConnection[] c = lesson();
        String session = ((ServerMessage.Welcome) c[1].sent.get(0)).session();
        service.closed(c[1], "connection-lost", true);

        FakeConnection other = hello(Role.CLASSROOM_AGENT, "classroom:wuzhong/other",
                new ClientMessage.Resume(session, 1L));
        assertThat(((ServerMessage.Error) other.last()).code()).isEqualTo("RESUME_REFUSED");
        assertThat(other.closeCode).isZero();
        service.received(other, new ClientMessage.Hello(token(Role.CLASSROOM_AGENT, "classroom:wuzhong/other")));

        assertThat(((ServerMessage.Welcome) other.last()).session()).isNotEqualTo(session);
        assertThat(c[0].last()).asString().doesNotContain("Back");
    }

    @Test
    void aCleanCloseLeavesAtOnceAndCannotBeResumed() {
        FakeConnection[] c = lesson();
        String session = ((ServerMessage.Welcome) c[1].sent.get(0)).session();
        service.closed(c[1], "client-closed", false);
        assertThat(c[0].last()).asString().contains("Left");

        FakeConnection fresh = hello(Role.CLASSROOM_AGENT, RURAL, new ClientMessage.Resume(session, 1L));

        assertThat(((ServerMessage.Welcome) fresh.sent.get(0)).resumed()).isFalse();
    }

    @Test
    void resumingASessionStillConnectedClosesTheOlderConnection() {
        FakeConnection[] c = lesson();
        String session = ((ServerMessage.Welcome) c[1].sent.get(0)).session();

        FakeConnection again = hello(Role.CLASSROOM_AGENT, RURAL, new ClientMessage.Resume(session, lastSeq(c[1])));

        assertThat(((ServerMessage.Welcome) again.sent.get(0)).resumed()).isTrue();
        assertThat(c[1].closeCode).isEqualTo(4004);
        service.closed(c[1], "protocol-error", false);
        service.received(c[0], new ClientMessage.Chat("l#1", "still here?"));
        assertThat(again.last()).asString().contains("still here?");
    }
}
