package org.tongke.signaling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.agent.ClassroomAgents;
import org.tongke.signaling.agent.ClassroomStatus;
import org.tongke.signaling.ice.IceConfig;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.room.InMemoryRoomRegistry;
import org.tongke.signaling.room.RoomChange;
import org.tongke.signaling.schedule.ScheduleSource;
import org.tongke.signaling.service.SignalingServiceTest.FakeConnection;

/** Agents, commands and permissions through the service, with connections that keep what they are sent. */
class ClassroomAgentsServiceTest {
    static final String LUBO = "wuzhong/lubo";
    static final String OTHER = "shankou/lubo";
    static final String ROOM = "qt-01-sync#1";

    private final Clock clock = Clock.fixed(Instant.parse("2021-11-24T05:00:00Z"), ZoneOffset.UTC);
    private final ClassroomAgents agents = new ClassroomAgents(ScheduleSource.none(), clock);
    private final SignalingService service = new SignalingService(
            new TokenVerifier(SignalingServiceTest.SECRET, Clock.systemUTC()), new InMemoryRoomRegistry(clock, 10),
            new SignalingMetrics(), Duration.ofSeconds(15), IceConfig.none(), clock, Duration.ofSeconds(30), agents);
    private final TokenIssuer issuer = new TokenIssuer(SignalingServiceTest.SECRET, Clock.systemUTC());
    private int next;

    private FakeConnection welcomed(Role role, String scope) {
        FakeConnection c = new FakeConnection("c" + ++next);
        service.opened(c);
        service.received(c, new ClientMessage.Hello(issuer.issue(role, Scope.parse(scope), null, Duration.ofMinutes(5))));
        assertThat(c.last()).isInstanceOf(ServerMessage.Welcome.class);
        return c;
    }

    private static String errorOf(FakeConnection c) {
        assertThat(c.last()).isInstanceOf(ServerMessage.Error.class);
        return ((ServerMessage.Error) c.last()).code();
    }

    private static ClientMessage.AgentCommand startNow(String classroom, String id) {
        return new ClientMessage.AgentCommand(classroom, "start-now", id, 45, null);
    }

    @Test
    void onlyAClassroomAgentMaySendHealthScheduleAckOrCommandResult() {
        FakeConnection staff = welcomed(Role.STAFF, "county:qingtian");
        FakeConnection assistant = welcomed(Role.ASSISTANT_TEACHER, "classroom:" + LUBO);
        FakeConnection lessonAgent = welcomed(Role.CLASSROOM_AGENT, "lesson:" + ROOM);

        service.received(staff, health(3));
        assertThat(errorOf(staff)).isEqualTo("FORBIDDEN");
        service.received(assistant, new ClientMessage.ScheduleAck(4L));
        assertThat(errorOf(assistant)).isEqualTo("FORBIDDEN");
        service.received(lessonAgent, new ClientMessage.CommandResult("c-1", true, null));
        assertThat(errorOf(lessonAgent)).isEqualTo("FORBIDDEN");
        assertThat(agents.view(staffIdentity()).stream().filter(s -> s.health() != null)).isEmpty();
    }

    @Test
    void anAgentsHealthAndAcknowledgedVersionAreKeptForItsOwnClassroomOnly() {
        FakeConnection agent = welcomed(Role.CLASSROOM_AGENT, "classroom:" + LUBO);

        service.received(agent, health(3));
        service.received(agent, new ClientMessage.ScheduleAck(17L));

        List<ClassroomStatus> view = agents.view(staffIdentity());
        assertThat(view).extracting(ClassroomStatus::classroom).containsExactly(LUBO);
        ClassroomStatus lubo = view.get(0);
        assertThat(lubo.state()).isEqualTo("online");
        assertThat(lubo.health().backlog().files()).isEqualTo(3);
        assertThat(lubo.acknowledgedVersion()).isEqualTo(17L);
        assertThat(lubo.lastHeartbeat()).isEqualTo(clock.instant());
    }

    @Test
    void countyStaffCommandReachesTheAgentAndItsResultComesBackToTheSenderAlone() {
        FakeConnection agent = welcomed(Role.CLASSROOM_AGENT, "classroom:" + LUBO);
        FakeConnection staff = welcomed(Role.STAFF, "county:qingtian");
        FakeConnection bystander = welcomed(Role.STAFF, "county:qingtian");

        service.received(staff, startNow(LUBO, "c-1"));
        assertThat(agent.last()).isEqualTo(new ServerMessage.Command("c-1", "start-now", 45, null, "county:qingtian"));

        service.received(agent, new ClientMessage.CommandResult("c-1", true, "recording"));
        assertThat(staff.last()).isEqualTo(new ServerMessage.CommandResult("c-1", LUBO, true, "recording"));
        assertThat(bystander.last()).isInstanceOf(ServerMessage.Welcome.class);

        service.received(agent, new ClientMessage.CommandResult("c-1", true, "again"));
        assertThat(errorOf(agent)).isEqualTo("BAD_MESSAGE");
    }

    @Test
    void anotherAgentCannotAnswerForACommandSentToThisClassroom() {
        FakeConnection agent = welcomed(Role.CLASSROOM_AGENT, "classroom:" + LUBO);
        FakeConnection impostor = welcomed(Role.CLASSROOM_AGENT, "classroom:" + OTHER);
        FakeConnection staff = welcomed(Role.STAFF, "county:qingtian");
        service.received(staff, startNow(LUBO, "c-1"));

        service.received(impostor, new ClientMessage.CommandResult("c-1", false, "not me"));

        assertThat(errorOf(impostor)).isEqualTo("BAD_MESSAGE");
        assertThat(staff.last()).isInstanceOf(ServerMessage.Welcome.class);
        assertThat(agent.last()).isInstanceOf(ServerMessage.Command.class);
    }

    @Test
    void schoolStaffCommandOnlyTheirSchoolsClassrooms() {
        welcomed(Role.CLASSROOM_AGENT, "classroom:" + LUBO);
        FakeConnection own = welcomed(Role.STAFF, "school:wuzhong");
        FakeConnection other = welcomed(Role.STAFF, "school:shankou");
        FakeConnection lookalike = welcomed(Role.STAFF, "school:wuzho");

        service.received(other, startNow(LUBO, "c-1"));
        assertThat(errorOf(other)).isEqualTo("FORBIDDEN");
        service.received(lookalike, startNow(LUBO, "c-2"));
        assertThat(errorOf(lookalike)).isEqualTo("FORBIDDEN");
        service.received(own, startNow(LUBO, "c-3"));
        assertThat(own.last()).isInstanceOf(ServerMessage.Welcome.class);
    }

    @Test
    void aLeadTeacherCommandsAClassroomOnlyFromARoomListingIt() {
        FakeConnection agent = welcomed(Role.CLASSROOM_AGENT, "classroom:" + LUBO);
        FakeConnection teacher = welcomed(Role.LEAD_TEACHER, "lesson:" + ROOM);
        FakeConnection assistant = welcomed(Role.ASSISTANT_TEACHER, "classroom:" + LUBO);

        service.received(teacher, startNow(LUBO, "c-1"));
        assertThat(errorOf(teacher)).isEqualTo("FORBIDDEN");

        service.received(teacher, new ClientMessage.OpenRoom(ROOM, "分数", List.of(LUBO)));
        service.received(teacher, startNow(OTHER, "c-2"));
        assertThat(errorOf(teacher)).isEqualTo("FORBIDDEN");
        service.received(teacher, startNow(LUBO, "c-3"));
        assertThat(agent.last()).isInstanceOf(ServerMessage.Command.class);

        service.received(assistant, new ClientMessage.Join(ROOM));
        service.received(assistant, startNow(LUBO, "c-4"));
        assertThat(errorOf(assistant)).isEqualTo("FORBIDDEN");
    }

    @Test
    void aCommandToAClassroomWithoutAgentIsAgentOffline() {
        FakeConnection staff = welcomed(Role.STAFF, "county:qingtian");

        service.received(staff, startNow(LUBO, "c-1"));

        assertThat(errorOf(staff)).isEqualTo("AGENT_OFFLINE");
    }

    @Test
    void whenTheAgentLeavesTheSenderOfAWaitingCommandIsTold() {
        FakeConnection agent = welcomed(Role.CLASSROOM_AGENT, "classroom:" + LUBO);
        FakeConnection staff = welcomed(Role.STAFF, "county:qingtian");
        service.received(staff, startNow(LUBO, "c-1"));

        service.closed(agent, "client-closed", false);

        assertThat(staff.last()).isInstanceOfSatisfying(ServerMessage.CommandResult.class,
                r -> assertThat(r.ok()).isFalse());
        assertThat(agents.view(staffIdentity()).get(0).state()).isEqualTo("offline");
        service.received(staff, startNow(LUBO, "c-2"));
        assertThat(errorOf(staff)).isEqualTo("AGENT_OFFLINE");
    }

    @Test
    void anAgentThatLeavesIsOfflineSinceThenAndWasConnectedSinceItsWelcome() {
        FakeConnection agent = welcomed(Role.CLASSROOM_AGENT, "classroom:" + LUBO);
        assertThat(agents.view(staffIdentity()).get(0).connectedAt()).isEqualTo(clock.instant());
        assertThat(agents.view(staffIdentity()).get(0).offlineSince()).isNull();

        service.closed(agent, "client-closed", false);

        ClassroomStatus lubo = agents.view(staffIdentity()).get(0);
        assertThat(lubo.state()).isEqualTo("offline");
        assertThat(lubo.offlineSince()).isEqualTo(clock.instant());
        assertThat(lubo.connectedAt()).isNull();
        assertThat(lubo.node()).as("a single node names none").isNull();
    }

    @Test
    void anAgentInTheRoomSaysItRecordsAndTheRoomSeesItOthersMayNot() {
        FakeConnection teacher = welcomed(Role.LEAD_TEACHER, "lesson:" + ROOM);
        service.received(teacher, new ClientMessage.OpenRoom(ROOM, "分数", List.of(LUBO)));
        FakeConnection agent = welcomed(Role.CLASSROOM_AGENT, "classroom:" + LUBO);
        service.received(agent, new ClientMessage.Join(ROOM));
        assertThat(agents.view(staffIdentity()).get(0).room()).isEqualTo(ROOM);

        service.received(agent, new ClientMessage.Recording(ROOM, true));
        assertThat(teacher.last()).isEqualTo(new ServerMessage.Delta(ROOM, new RoomChange.Recording(LUBO, true)));

        service.received(teacher, new ClientMessage.Recording(ROOM, false));
        assertThat(errorOf(teacher)).isEqualTo("FORBIDDEN");
    }

    @Test
    void pongCarriesTheServersClock() {
        FakeConnection agent = welcomed(Role.CLASSROOM_AGENT, "classroom:" + LUBO);

        service.received(agent, new ClientMessage.Ping(5L));

        assertThat(agent.last()).isEqualTo(new ServerMessage.Pong(5, clock.millis()));
    }

    private org.tongke.config.auth.Identity staffIdentity() {
        return new TokenVerifier(SignalingServiceTest.SECRET, Clock.systemUTC())
                .verify(issuer.issue(Role.STAFF, Scope.parse("county:qingtian"), null, Duration.ofMinutes(5)));
    }

    static ClientMessage.Health health(int backlogFiles) {
        return new ClientMessage.Health(List.of(new ClientMessage.Source("teacher", "recording", 25.0, null)),
                new ClientMessage.Disk(52_000_000_000L, 64_000_000_000L, false),
                new ClientMessage.Backlog(backlogFiles, 41_000_000L, null), 17L, -42L, null);
    }
}
