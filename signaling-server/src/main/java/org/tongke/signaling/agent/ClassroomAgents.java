package org.tongke.signaling.agent;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
 * from staff and lead teachers, and schedules pushed when the timetable changes. With several
 * nodes ({@link #cluster}) it also tells the {@link AgentDirectory} about the agents connected
 * here, sends commands for agents of other nodes there, and shows staff every node's agents.
 * Thread-safe.
 */
public final class ClassroomAgents {
    private static final Logger LOG = LoggerFactory.getLogger(ClassroomAgents.class);
    private static final String COMMAND = "agent-command";

    private final ClassroomRegistry registry = new ClassroomRegistry();
    private final AgentCommands commands = new AgentCommands();
    private final ScheduleSource schedules;
    private final Clock clock;
    /** Held while a status is read and handed to the directory, so that the directory hears them in order. */
    private final Object publishing = new Object();
    /** The other nodes' view of the agents; null on a single node. */
    private volatile AgentDirectory directory;
    /** With several nodes: the classrooms by state as every node's agents make it, as of the last {@link #tick}. */
    private volatile Map<String, Integer> countedEverywhere;

    public ClassroomAgents(ScheduleSource schedules, Clock clock) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.clock = Objects.requireNonNull(clock, "clock");
        registry.know(schedules.classrooms());
        schedules.subscribe(this::schedulesChanged);
    }

    /** Shares the agents with other nodes through {@code directory} ({@code --redis}); call before the server starts. */
    public void cluster(AgentDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** A fresh session: an agent's classroom is online, and its agent gets the schedule at once. */
    public void welcomed(Peer peer) {
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom != null) {
            registry.connected(classroom, peer, clock.instant());
            schedules.schedule(classroom).ifPresent(s -> peer.send(s.message()));
            publish(classroom, peer, true);
        }
    }

    /** A resumed session: the schedule again only when the agent acknowledged an older one (or none). */
    public void resumed(Peer peer) {
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom != null) {
            registry.connected(classroom, peer, clock.instant());
            schedules.schedule(classroom).filter(s -> registry.acknowledged(classroom).orElse(-1L) < s.version())
                    .ifPresent(s -> peer.send(s.message()));
            publish(classroom, peer, true);
        }
    }

    public void away(Peer peer) {
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom != null) {
            registry.away(classroom, peer);
            publish(classroom, peer, false);
        }
    }

    /** The session ended: its classroom goes offline and whoever waits on a command of it is told. */
    public void ended(Peer peer) {
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom == null) {
            return;
        }
        synchronized (publishing) {
            if (!registry.disconnected(classroom, peer, clock.instant())) {
                return;
            }
            AgentDirectory d = directory;
            if (d != null) {
                registry.status(classroom, version(classroom)).ifPresent(s -> d.gone(s, peer.id()));
            }
        }
        tellWaiting(classroom, "the classroom's agent went offline before answering");
    }

    /** A ping: the agent is alive (other nodes hear of it with the next {@link #tick}). */
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
            publish(classroom, peer, false);
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
            command(peer, command, leadsRoomWith.test(command.classroom()), true);
            return;
        }
        String classroom = AgentAccess.agentClassroom(peer.identity());
        if (classroom == null) {
            throw new AgentRefusal(ErrorCode.FORBIDDEN, "only a classroom agent (with a classroom: token) sends "
                    + typeOf(message));
        }
        if (message instanceof ClientMessage.Health health) {
            registry.health(classroom, health, clock.instant());
            publish(classroom, peer, false);
        } else if (message instanceof ClientMessage.ScheduleAck ack) {
            registry.acknowledged(classroom, ack.version());
            publish(classroom, peer, false);
        } else if (message instanceof ClientMessage.CommandResult result) {
            Peer sender = commands.answered(classroom, result.id(), clock.instant());
            sender.send(new ServerMessage.CommandResult(result.id(), classroom, result.ok(), result.message()));
        } else {
            throw new IllegalArgumentException("no agent action for " + message.getClass().getSimpleName());
        }
    }

    /**
     * A command another node sent for an agent connected here: checked as if its sender were
     * here; the result, or the refusal, goes to {@code sender} (on its node).
     */
    public void commandFromNode(Peer sender, ClientMessage.AgentCommand command, boolean leadsRoomWith) {
        try {
            command(sender, command, leadsRoomWith, false);
        } catch (AgentRefusal e) {
            sender.send(new ServerMessage.Error(e.code().name(), e.getMessage(), COMMAND));
        }
    }

    /** Every classroom the identity may see (staff of the county: all; of a school: its own), as this node sees it. */
    public List<ClassroomStatus> view(Identity staff) {
        return registry.view(c -> AgentAccess.staffCovers(staff, c), this::version);
    }

    /**
     * As {@link #view}, with the agents of every node: what other nodes reported of a classroom
     * whose agent is not here. On a single node the same as {@link #view}.
     */
    public CompletionStage<List<ClassroomStatus>> everywhere(Identity staff) {
        List<ClassroomStatus> here = view(staff);
        AgentDirectory d = directory;
        if (d == null) {
            return CompletableFuture.completedFuture(here);
        }
        return d.statuses(here.stream().map(ClassroomStatus::classroom).toList()).thenApply(stored -> here.stream()
                .map(h -> ClassroomStatus.combine(h, stored.get(h.classroom()))).toList());
    }

    /**
     * Renews the presence of every agent connected here, so that other nodes go on seeing them;
     * run every third of a lease. What they report reaches the directory as it comes.
     */
    public void tick() {
        AgentDirectory d = directory;
        if (d == null) {
            return;
        }
        countEverywhere(d);
        for (Map.Entry<String, Peer> agent : registry.agents().entrySet()) {
            String classroom = agent.getKey();
            Peer peer = agent.getValue();
            synchronized (publishing) {
                if (registry.agent(classroom).orElse(null) == peer) {
                    d.renew(classroom, peer.id()).whenComplete((held, failure) -> kept(classroom, peer, held, failure));
                }
            }
        }
    }

    /**
     * The recording classrooms by the state of their agent ({@code online}, {@code away},
     * {@code offline}): alone, as this node has them; with several nodes, with every node's agents,
     * as of the last {@link #tick} (a third of a lease ago at most).
     */
    public Map<String, Integer> countByState() {
        Map<String, Integer> everywhere = countedEverywhere;
        return directory != null && everywhere != null ? everywhere : registry.countByState();
    }

    /** One read of every known classroom's keys, as {@link #everywhere} makes it for staff, counted. */
    private void countEverywhere(AgentDirectory d) {
        List<ClassroomStatus> here = registry.view(c -> true, this::version);
        d.statuses(here.stream().map(ClassroomStatus::classroom).toList()).whenComplete((stored, failure) -> {
            if (failure != null) {
                LOG.warn("Classrooms of the other nodes not read from Redis: {}", failure.getMessage());
                return;
            }
            Map<String, Integer> counts = new java.util.TreeMap<>(Map.of(ClassroomStatus.ONLINE, 0,
                    ClassroomStatus.AWAY, 0, ClassroomStatus.OFFLINE, 0));
            here.forEach(h -> counts.merge(ClassroomStatus.combine(h, stored.get(h.classroom())).state(), 1,
                    Integer::sum));
            countedEverywhere = counts;
        });
    }

    public ClassroomRegistry registry() {
        return registry;
    }

    /**
     * Staff covering the classroom, or its lead teacher, to the agent: the one connected here, else
     * (the sender being here, {@code mayForward}) the one another node has.
     */
    private void command(Peer peer, ClientMessage.AgentCommand command, boolean leadsRoomWith, boolean mayForward) {
        String classroom = command.classroom();
        if (!AgentAccess.mayCommand(peer.identity(), classroom, leadsRoomWith)) {
            throw new AgentRefusal(ErrorCode.FORBIDDEN, "your token (" + peer.identity().scope().text()
                    + ") does not let you command " + classroom + "; staff of its school or county, or the lead"
                    + " teacher of a room with it, may");
        }
        Optional<Peer> here = registry.agent(classroom);
        AgentDirectory d = directory;
        if (here.isEmpty() && d != null && mayForward) {
            forward(d, peer, command, leadsRoomWith);
            return;
        }
        Peer agent = here.orElseThrow(() -> new AgentRefusal(ErrorCode.AGENT_OFFLINE,
                "no agent of " + classroom + " is connected"));
        commands.sent(classroom, command.id(), peer, clock.instant());
        agent.send(new ServerMessage.Command(command.id(), command.command(), command.minutes(), command.lesson(),
                peer.identity().subject()));
        LOG.info("Command {} ({}) from {} forwarded to {}", command.id(), command.command(),
                peer.identity().subject(), classroom);
    }

    private void forward(AgentDirectory d, Peer peer, ClientMessage.AgentCommand command, boolean leadsRoomWith) {
        String classroom = command.classroom();
        d.command(peer, command, leadsRoomWith).whenComplete((forwarded, failure) -> {
            if (failure != null) {
                LOG.warn("Command {} for {} not forwarded: Redis failed: {}", command.id(), classroom,
                        failure.getMessage());
                peer.send(new ServerMessage.Error(ErrorCode.INTERNAL.name(), "Redis failed: " + failure.getMessage(),
                        COMMAND));
            } else if (forwarded == AgentDirectory.Forwarded.GONE) {
                peer.send(new ServerMessage.Error(ErrorCode.AGENT_OFFLINE.name(), "the signaling node " + classroom
                        + "'s agent was connected to is gone; the agent reconnects to another in a few seconds",
                        COMMAND));
            } else if (forwarded == AgentDirectory.Forwarded.NONE) {
                peer.send(new ServerMessage.Error(ErrorCode.AGENT_OFFLINE.name(), "no agent of " + classroom
                        + " is connected", COMMAND));
            } else {
                LOG.info("Command {} ({}) from {} sent to the node of {}'s agent", command.id(), command.command(),
                        peer.identity().subject(), classroom);
            }
        });
    }

    /**
     * Hands the classroom's status to the directory while {@code peer} is its agent here. When
     * the directory says an agent on another node replaced it, this node lets it go.
     */
    private void publish(String classroom, Peer peer, boolean takeOver) {
        AgentDirectory d = directory;
        if (d == null) {
            return;
        }
        synchronized (publishing) {
            if (registry.agent(classroom).orElse(null) != peer) {
                return;
            }
            registry.status(classroom, version(classroom)).ifPresent(s -> d.present(s, peer.id(), takeOver)
                    .whenComplete((held, failure) -> kept(classroom, peer, held, failure)));
        }
    }

    /** What the directory answered: when an agent on another node replaced this one, this node lets it go. */
    private void kept(String classroom, Peer peer, Boolean held, Throwable failure) {
        if (failure != null) {
            LOG.warn("Redis failed to keep the agent of {}: {}", classroom, failure.getMessage());
        } else if (!held && registry.disconnected(classroom, peer, clock.instant())) {
            LOG.info("The agent of {} on session {} was replaced by one on another node", classroom, peer.id());
            tellWaiting(classroom, "another agent of the classroom connected before this one answered");
        }
    }

    private void tellWaiting(String classroom, String why) {
        for (AgentCommands.Waiting w : commands.drop(classroom)) {
            w.sender().send(new ServerMessage.CommandResult(w.id(), classroom, false, why));
        }
    }

    private Long version(String classroom) {
        return schedules.schedule(classroom).map(ClassroomSchedule::version).orElse(null);
    }

    /** Pushes the new schedule to each changed classroom's agent that is connected. */
    private void schedulesChanged(Set<String> classrooms) {
        registry.know(schedules.classrooms());
        for (String classroom : classrooms) {
            registry.agent(classroom).ifPresent(agent -> {
                schedules.schedule(classroom).ifPresent(s -> agent.send(s.message()));
                publish(classroom, agent, false);
            });
        }
    }

    private static String typeOf(ClientMessage message) {
        return message.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
