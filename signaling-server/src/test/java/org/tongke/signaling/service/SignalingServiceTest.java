package org.tongke.signaling.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.ice.IceConfig;
import org.tongke.signaling.ice.TurnCredentials;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.protocol.Sequenced;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.room.InMemoryRoomRegistry;

class SignalingServiceTest {
    static final byte[] SECRET = "a-unit-test-secret-that-is-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);

    /** A connection that keeps what it was sent and how it was closed. */
    static final class FakeConnection implements Connection {
        final List<ServerMessage> sent = new ArrayList<>();
        final List<Long> seqs = new ArrayList<>();
        final String id;
        int closeCode;

        FakeConnection(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public void send(Sequenced message) {
            sent.add(message.message());
            seqs.add(message.seq());
        }

        public void close(int code, String reason) {
            closeCode = code;
        }

        ServerMessage last() {
            return sent.get(sent.size() - 1);
        }
    }

    private final InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(Clock.systemUTC(), 10);
    private final SignalingService service = new SignalingService(new TokenVerifier(SECRET, Clock.systemUTC()), rooms,
            new SignalingMetrics(), Duration.ofSeconds(15));
    private final TokenIssuer issuer = new TokenIssuer(SECRET, Clock.systemUTC());

    private FakeConnection welcomed(String id, Role role, String scope) {
        FakeConnection c = new FakeConnection(id);
        service.opened(c);
        service.received(c, new ClientMessage.Hello(issuer.issue(role, Scope.parse(scope), null, Duration.ofMinutes(5))));
        assertThat(c.last()).isInstanceOf(ServerMessage.Welcome.class);
        return c;
    }

    @Test
    void welcomeNamesRoleScopeAndHeartbeatFromTheToken() {
        FakeConnection c = welcomed("s1", Role.ASSISTANT_TEACHER, "classroom:wuzhong/lubo");

        assertThat(c.last()).isEqualTo(new ServerMessage.Welcome("s1", "assistant-teacher", "classroom:wuzhong/lubo",
                "classroom:wuzhong/lubo", 15, List.of()));
    }

    @Test
    void anythingBeforeHelloIsRefusedAndClosed() {
        FakeConnection c = new FakeConnection("s1");
        service.opened(c);

        service.received(c, new ClientMessage.Join("l#1"));

        assertThat(((ServerMessage.Error) c.last()).code()).isEqualTo("HELLO_FIRST");
        assertThat(c.closeCode).isEqualTo(1008);
    }

    @Test
    void assistantCannotOpenARoom() {
        FakeConnection c = welcomed("s1", Role.ASSISTANT_TEACHER, "classroom:wuzhong/lubo");

        service.received(c, new ClientMessage.OpenRoom("l#1", "t", List.of("wuzhong/lubo")));

        assertThat(((ServerMessage.Error) c.last()).code()).isEqualTo("FORBIDDEN");
        assertThat(rooms.size()).isZero();
    }

    @Test
    void disconnectLeavesEveryRoomAndClosesTheEmptyOnes() {
        FakeConnection lead = welcomed("lead", Role.LEAD_TEACHER, "lesson:l#1");
        FakeConnection rural = welcomed("rural", Role.CLASSROOM_AGENT, "classroom:wuzhong/lubo");
        service.received(lead, new ClientMessage.OpenRoom("l#1", "t", List.of("wuzhong/lubo")));
        service.received(rural, new ClientMessage.Join("l#1"));

        service.closed(rural, "heartbeat-timeout", false);
        assertThat(lead.last().toString()).contains("Left").contains("heartbeat-timeout");
        service.closed(lead, "client-closed", false);

        assertThat(rooms.size()).isZero();
        assertThat(service.health()).isEqualTo(new SignalingService.Health("ok", 0, 0));
    }

    @Test
    void roomIdMustBeALessonIdAndClassroomsSchoolSlashRoom() {
        FakeConnection staff = welcomed("staff", Role.STAFF, "county:qingtian");

        service.received(staff, new ClientMessage.OpenRoom("l#1", "t", List.of("no-slash")));

        assertThat(((ServerMessage.Error) staff.last()).code()).isEqualTo("BAD_MESSAGE");
    }

    @Test
    void signalIsRelayedToItsAddresseeAloneAndAnUnknownAddresseeIsRefusedToTheSender() {
        FakeConnection lead = welcomed("lead", Role.LEAD_TEACHER, "lesson:l#1");
        FakeConnection rural = welcomed("rural", Role.ASSISTANT_TEACHER, "classroom:wuzhong/lubo");
        FakeConnection other = welcomed("other", Role.ASSISTANT_TEACHER, "classroom:shankou/lubo");
        service.received(lead, new ClientMessage.OpenRoom("l#1", "t", List.of("wuzhong/lubo", "shankou/lubo")));
        service.received(rural, new ClientMessage.Join("l#1"));
        service.received(other, new ClientMessage.Join("l#1"));
        int leadSeen = lead.sent.size();
        int otherSeen = other.sent.size();
        ObjectNode offer = JsonNodeFactory.instance.objectNode().put("type", "offer").put("sdp", "v=0");

        service.received(lead, new ClientMessage.Signal("l#1", "rural", "offer", offer));
        service.received(rural, new ClientMessage.Signal("l#1", "nobody", "answer", offer));

        assertThat(rural.sent).contains(new ServerMessage.Signal("l#1", "lead", "offer", offer));
        assertThat(((ServerMessage.Error) rural.last()).code()).isEqualTo("NO_SUCH_PARTICIPANT");
        assertThat(lead.sent).hasSize(leadSeen);
        assertThat(other.sent).hasSize(otherSeen);
    }

    @Test
    void welcomeCarriesStunAndATurnCredentialForTheSubject() {
        Instant now = Instant.parse("2021-09-06T01:00:00Z");
        byte[] turnSecret = "a-coturn-secret-that-is-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);
        SignalingService withIce = new SignalingService(new TokenVerifier(SECRET, Clock.systemUTC()), rooms,
                new SignalingMetrics(), Duration.ofSeconds(15), new IceConfig(List.of("stun:s:3478"),
                List.of("turn:t:3478"), turnSecret, Duration.ofHours(1)), Clock.fixed(now, ZoneOffset.UTC));
        FakeConnection c = new FakeConnection("s1");
        withIce.opened(c);
        withIce.received(c, new ClientMessage.Hello(issuer.issue(Role.LEAD_TEACHER, Scope.parse("lesson:l#1"), "he",
                Duration.ofMinutes(5))));

        var turn = ((ServerMessage.Welcome) c.last()).iceServers().get(1);
        String username = (now.getEpochSecond() + 3600) + ":he";
        assertThat(turn.username()).isEqualTo(username);
        assertThat(turn.credential()).isEqualTo(TurnCredentials.credential(turnSecret, username));
    }
}
