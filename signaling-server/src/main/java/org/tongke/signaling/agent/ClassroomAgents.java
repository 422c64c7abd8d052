package org.tongke.signaling.agent;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.auth.Identity;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.protocol.ErrorCode;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.schedule.ClassroomSchedule;
import org.tongke.signaling.schedule.ScheduleSource;

/**
 * What the signaling service asks of the agent feature: a session's life (welcomed, away,
 * resumed, ended), the agents' own messages (health, schedule-ack, command-result), commands
 * from staff and lead teachers, and schedules pushed when the timetable changes. Thread-safe.
 */
public final class ClassroomAgents {
    private static final Logger LOG = LoggerFactory.getLogger(ClassroomAgents.class);

    private final ClassroomRegistry registry = new ClassroomRegistry();
    private final AgentCommands commands = new AgentCommands();
    private final ScheduleSource schedules;
    private final Clock clock;

    public ClassroomAgents(ScheduleSource schedules, Clock clock) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.clock = Objects.requireNonNull(clock, "clock");
        registry.know(schedules.classrooms());
        schedules.subscribe(this::schedulesChanged);
    }

    /** A fresh session: an agent's classroom is online, and its agent gets the schedule at once. */
    public void welcomed(Peer peer) {
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom != null) {
            registry.connected(classroom, peer, clock.instant());
            schedules.schedule(classroom).ifPresent(s -> peer.send(s.message()));
        }
    }

    /** A resumed session: the schedule again only when the agent acknowledged an older one (or none). */
    public void resumed(Peer peer) {
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom != null) {
            registry.connected(classroom, peer, clock.instant());
            schedules.schedule(classroom).filter(s -> registry.acknowledged(classroom).orElse(-1L) < s.version())
                    .ifPresent(s -> peer.send(s.message()));
        }
    }

    public void away(Peer peer) {
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom != null) {
            registry.away(classroom, peer);
        }
    }

    /** The session ended: its classroom goes offline and whoever waits on a command of it is told. */
    public void ended(Peer peer) {
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom != null && registry.disconnected(classroom, peer)) {
            for (AgentCommands.Waiting w : commands.drop(classroom)) {
                w.sender().send(new ServerMessage.CommandResult(w.id(), classroom, false,
                        "the classroom's agent went offline before answering"));
            }
        }
    }

    /** A ping: the agent is alive. */
    public void heard(Peer peer) {
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom != null) {
            registry.heard(classroom, clock.instant());
        }
    }

    /** The rooms an agent's session is in now (after a join or leave). */
    public void rooms(Peer peer, Set<String> rooms) {
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom != null && registry.agent(classroom).orElse(null) == peer) {
            registry.room(classroom, rooms.stream().sorted().findFirst().orElse(null));
        }
    }

    /**
     * One of the agent feature's messages ({@code health}, {@code schedule-ack},
     * {@code agent-command}, {@code command-result}).
     *
     * @param leadsRoomWith whether the sender is the lead teacher in a room listing a classroom
     * @throws AgentRefusal when the sender may not, or the agent is offline
     */
    public void received(Peer peer, ClientMessage message, Predicate<String> leadsRoomWith) {
        if (message instanceof ClientMessage.AgentCommand command) {
            command(peer, command, leadsRoomWith.test(command.classroom()));
            return;
        }
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom == null) {
            throw new AgentRefusal(ErrorCode.FORBIDDEN, "only a classroom agent (with a classroom: token) sends "
                    + typeOf(message));
        }
        if (message instanceof ClientMessage.Health health) {
            registry.health(classroom, health, clock.instant());
        } else if (message instanceof ClientMessage.ScheduleAck ack) {
            registry.acknowledged(classroom, ack.version());
        } else if (message instanceof ClientMessage.CommandResult result) {
            Peer sender = commands.answered(classroom, result.id(), clock.instant());
            sender.send(new ServerMessage.CommandResult(result.id(), classroom, result.ok(), result.message()));
        } else {
            throw new IllegalArgumentException("no agent action for " + message.getClass().getSimpleName());
        }
    }

    /** Every classroom the identity may see (staff of the county: all; of a school: its own), for the staff page. */
    public List<ClassroomStatus> view(Identity staff) {
        return registry.view(c -> AgentAccess.staffCovers(staff, c),
                c -> schedules.schedule(c).map(ClassroomSchedule::version).orElse(null));
    }

    public ClassroomRegistry registry() {
        return registry;
    }

    private void command(Peer peer, ClientMessage.AgentCommand command, boolean leadsRoomWith) {
        String classroom = command.classroom();
        if (!AgentAccess.mayCommand(peer.identity(), classroom, leadsRoomWith)) {
            throw new AgentRefusal(ErrorCode.FORBIDDEN, "your token (" + peer.identity().scope().text()
                    + ") does not let you command " + classroom + "; staff of its school or county, or the lead"
                    + " teacher of a room with it, may");
        }
        Peer agent = registry.agent(classroom).orElseThrow(() -> new AgentRefusal(ErrorCode.AGENT_OFFLINE,
                "no agent of " + classroom + " is connected"));
        commands.sent(classroom, command.id(), peer, clock.instant());
        agent.send(new ServerMessage.Command(command.id(), command.command(), command.minutes(), command.lesson(),
                peer.identity().subject()));
        LOG.info("Command {} ({}) from {} forwarded to {}", command.id(), command.command(),
                peer.identity().subject(), classroom);
    }

    /** Pushes the new schedule to each changed classroom's agent that is connected. */
    private void schedulesChanged(Set<String> classrooms) {
        registry.know(schedules.classrooms());
        for (String classroom : classrooms) {
            registry.agent(classroom).ifPresent(agent -> schedules.schedule(classroom)
                    .ifPresent(s -> agent.send(s.message())));
        }
    }

    private static String typeOf(ClientMessage message) {
        return message.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
