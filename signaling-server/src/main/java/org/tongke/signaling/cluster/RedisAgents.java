package org.tongke.signaling.cluster;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.signaling.agent.AgentDirectory;
import org.tongke.signaling.agent.ClassroomAgents;
import org.tongke.signaling.agent.ClassroomStatus;
import org.tongke.signaling.agent.Peer;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.protocol.Inbound;
import org.tongke.signaling.protocol.MessageCodec;

/**
 * The classrooms' agents in Redis, shared by every node. Per classroom two keys in one slot:
 * {@code tongke:classroom:{<id>}:agent}, the node and session its agent is connected to, which
 * that node renews every third of a lease and which runs out a lease after the node died; and
 * {@code tongke:classroom:{<id>}:status}, what that node last said of it (kept {@link #KEEP}), so
 * that staff see a classroom offline since when its agent left or its node was last heard of.
 * Lettuce's asynchronous API only, on the node's command connection.
 */
public final class RedisAgents implements AgentDirectory {
    /** How long a classroom's last status is kept after its agent was last heard of. */
    public static final Duration KEEP = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(RedisAgents.class);
    /** 1 when this session holds the classroom now (it took it over, or nobody else held it), else 0. */
    private static final String PRESENT = """
            local held = redis.call('GET', KEYS[1])
            if held and held ~= ARGV[1] and ARGV[5] ~= '1' then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[4])
            return 1""";
    /** As PRESENT without a takeover, for the presence alone: the status changes with what the agent reports. */
    private static final String RENEW = """
            local held = redis.call('GET', KEYS[1])
            if held and held ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1""";
    private static final String GONE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1])
              redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0""";
    /** The agent's node when it heard the message; '' when nobody listens there (it died); nothing when no agent. */
    private static final String TO_AGENT = """
            local held = redis.call('GET', KEYS[1])
            if not held then return false end
            local node = string.match(held, '^(%S+)')
            if redis.call('PUBLISH', ARGV[1] .. node, ARGV[2]) > 0 then return node end
            return ''""";

    private final RedisAsyncCommands<String, String> redis;
    private final String node;
    private final Duration lease;
    private final BiConsumer<String, NodeMessage> send;
    private final NodeCodec codec = new NodeCodec();
    private final MessageCodec messages = new MessageCodec();

    /** @param send publishes a message on a node's channel */
    RedisAgents(RedisAsyncCommands<String, String> redis, String node, Duration lease,
            BiConsumer<String, NodeMessage> send) {
        this.redis = redis;
        this.node = node;
        this.lease = lease;
        this.send = send;
    }

    /** The classroom id is a hash tag: both keys of a classroom are in one slot of a Redis Cluster. */
    public static String agentKey(String classroom) {
        return "tongke:classroom:{" + classroom + "}:agent";
    }

    public static String statusKey(String classroom) {
        return "tongke:classroom:{" + classroom + "}:status";
    }

    @Override
    public CompletionStage<Boolean> present(ClassroomStatus status, String session, boolean takeOver) {
        String[] keys = {agentKey(status.classroom()), statusKey(status.classroom())};
        return redis.<Long>eval(PRESENT, ScriptOutputType.INTEGER, keys, holder(session),
                codec.encodeAgent(stored(status, node, session)), Long.toString(lease.toMillis()),
                Long.toString(KEEP.toMillis()), takeOver ? "1" : "0").thenApply(n -> n != null && n == 1L);
    }

    @Override
    public CompletionStage<Boolean> renew(String classroom, String session) {
        return redis.<Long>eval(RENEW, ScriptOutputType.INTEGER, new String[] {agentKey(classroom)}, holder(session),
                Long.toString(lease.toMillis())).thenApply(n -> n != null && n == 1L);
    }

    @Override
    public void gone(ClassroomStatus status, String session) {
        String[] keys = {agentKey(status.classroom()), statusKey(status.classroom())};
        redis.<Long>eval(GONE, ScriptOutputType.INTEGER, keys, holder(session),
                codec.encodeAgent(stored(status, node, session)), Long.toString(KEEP.toMillis()))
                .whenComplete((n, failure) -> {
                    if (failure != null) {
                        LOG.warn("Redis failed to mark {} offline: {}", status.classroom(), failure.getMessage());
                    }
                });
    }

    @Override
    public CompletionStage<Forwarded> command(Peer sender, ClientMessage.AgentCommand command, boolean leadsRoomWith) {
        NodeMessage.Command message = new NodeMessage.Command(command.classroom(), node, sender.id(),
                Who.of(sender.identity()), leadsRoomWith, messages.encodeClient(command));
        return redis.<String>eval(TO_AGENT, ScriptOutputType.VALUE, new String[] {agentKey(command.classroom())},
                RedisNodes.NODE_CHANNEL_PREFIX, codec.encode(message))
                .thenApply(to -> to == null ? Forwarded.NONE : to.isEmpty() ? Forwarded.GONE : Forwarded.HEARD);
    }

    @Override
    public CompletionStage<Map<String, ClassroomStatus>> statuses(Collection<String> classrooms) {
        List<CompletableFuture<ClassroomStatus>> each = new ArrayList<>();
        for (String classroom : classrooms) {
            each.add(redis.mget(agentKey(classroom), statusKey(classroom)).toCompletableFuture()
                    .thenApply(this::read));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, ClassroomStatus> out = new TreeMap<>();
            each.stream().map(CompletableFuture::join).filter(s -> s != null).forEach(s -> out.put(s.classroom(), s));
            return out;
        });
    }

    /** A command another node sent for an agent connected here: to the agents, with its sender on that node. */
    public void received(NodeMessage.Command command, ClassroomAgents agents) {
        Inbound inbound = messages.decodeClient(command.message());
        if (!(inbound instanceof ClientMessage.AgentCommand agentCommand)) {
            LOG.warn("Node {} forwarded no agent command for {}", command.node(), command.classroom());
            return;
        }
        agents.commandFromNode(new RemotePeer(command.session(), command.who().identity(), command.node(), messages,
                send), agentCommand, command.leadsRoomWith());
    }

    private ClassroomStatus read(List<KeyValue<String, String>> values) {
        KeyValue<String, String> status = values.get(1);
        if (!status.hasValue()) {
            return null;
        }
        return status(codec.decodeAgent(status.getValue()), values.get(0).hasValue());
    }

    private String holder(String session) {
        return node + " " + session;
    }

    /** What a node stores of a classroom whose agent is (or was) on {@code session} of {@code node}. */
    static NodeMessage.StoredAgent stored(ClassroomStatus s, String node, String session) {
        return new NodeMessage.StoredAgent(s.classroom(), s.state(), node, session, s.agent(), text(s.connectedAt()),
                text(s.lastHeartbeat()), s.health(), text(s.healthAt()), s.acknowledgedVersion(),
                s.scheduleVersion(), s.room(), text(s.offlineSince()));
    }

    /**
     * A stored classroom as staff see it. Without {@code live} presence its node said nothing for
     * a lease: offline, since it said so or, when its node died, since its agent was last heard.
     * The names are the id's: the reader puts its own.
     */
    static ClassroomStatus status(NodeMessage.StoredAgent a, boolean live) {
        String school = a.classroom().substring(0, a.classroom().indexOf('/'));
        boolean online = live && !ClassroomStatus.OFFLINE.equals(a.state());
        Instant offlineSince = online ? null
                : a.offlineSince() != null ? instant(a.offlineSince()) : instant(a.lastHeartbeat());
        return new ClassroomStatus(a.classroom(), school, school, a.classroom(),
                online ? a.state() : ClassroomStatus.OFFLINE, online ? a.node() : null, online ? a.agent() : null,
                online ? instant(a.connectedAt()) : null, instant(a.lastHeartbeat()), a.health(), instant(a.healthAt()),
                a.acknowledgedVersion(), a.scheduleVersion(), online ? a.room() : null, offlineSince);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
