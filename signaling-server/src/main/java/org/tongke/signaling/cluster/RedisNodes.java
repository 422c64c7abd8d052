package org.tongke.signaling.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's view of Redis: room leases, the rooms' and sessions' stored state, and the node
 * channels. One command connection and one pub/sub connection (subscribed to this node's channel);
 * Lettuce's asynchronous API only, so nothing waits on Redis but the connections at start.
 * Commands of one caller go out on the one connection in call order, so the messages a room
 * sends to a node arrive there in the room's order.
 */
public final class RedisNodes implements AutoCloseable {
    public static final String NODE_CHANNEL_PREFIX = "tongke:node:";
    private static final Logger LOG = LoggerFactory.getLogger(RedisNodes.class);
    /**
     * The owner's node when it heard the message; '' when the owner holds the lease but nobody
     * listens on its channel (it died, the lease has not run out yet); nothing when the room has no owner.
     */
    private static final String TO_OWNER = """
            local owner = redis.call('GET', KEYS[1])
            if not owner then return false end
            if redis.call('PUBLISH', ARGV[1] .. owner, ARGV[2]) > 0 then return owner end
            return ''""";
    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 0""";
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1], KEYS[2]) return 1 end
            return 0""";
    private static final String HAND_OVER = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";
    /**
     * Stores the room's state only while this node holds its lease: a node that gave the room up
     * never overwrites its new owner's.
     */
    private static final String SAVE_ROOM = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
            return false""";
    /** Takes an ownerless room's lease and answers its stored state; nothing when someone owns it. */
    private static final String TAKE_OVER = """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return redis.call('GET', KEYS[2]) or ''
            end
            return false""";
    /** How long a closed lesson's state would linger if its owner died without closing it. */
    private static final long STATE_TTL_MILLIS = Duration.ofHours(12).toMillis();

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final RedisAsyncCommands<String, String> redis;
    private final NodeCodec codec = new NodeCodec();
    private final String node;
    private final Duration lease;

    private RedisNodes(RedisClient client, StatefulRedisConnection<String, String> connection,
            StatefulRedisPubSubConnection<String, String> pubsub, String node, Duration lease) {
        this.client = client;
        this.connection = connection;
        this.pubsub = pubsub;
        this.redis = connection.async();
        this.node = node;
        this.lease = lease;
    }

    /** The room id is a hash tag: a room's two keys are in one slot of a Redis Cluster, as its scripts need. */
    public static String roomOwnerKey(String room) {
        return "tongke:room:{" + room + "}:owner";
    }

    public static String roomStateKey(String room) {
        return "tongke:room:{" + room + "}:state";
    }

    public static String sessionKey(String session) {
        return "tongke:session:" + session;
    }

    /**
     * Connects and subscribes to this node's channel; every message heard goes to {@code inbox}
     * (on Lettuce's thread, in order). {@link IllegalStateException} naming {@code uri} when Redis
     * cannot be reached.
     */
    public static RedisNodes connect(String uri, String node, Duration lease, Consumer<NodeMessage> inbox) {
        Objects.requireNonNull(inbox, "inbox");
        RedisClient client = RedisClient.create(uri);
        // Commands fail at once while the link is down rather than wait in a queue: a lease renewal or a
        // room's state sent late, after another node took the room over, would be stale.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        NodeCodec codec = new NodeCodec();
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            StatefulRedisPubSubConnection<String, String> pubsub = client.connectPubSub();
            pubsub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    try {
                        inbox.accept(codec.decode(message));
                    } catch (RuntimeException e) {
                        LOG.warn("Dropped a message on {}: {}", channel, e.getMessage(), e);
                    }
                }
            });
            pubsub.async().subscribe(NODE_CHANNEL_PREFIX + node).toCompletableFuture().get(10, TimeUnit.SECONDS);
            LOG.info("Node {} on Redis {}: room leases of {} ms, channel {}{}", node, uri, lease.toMillis(),
                    NODE_CHANNEL_PREFIX, node);
            return new RedisNodes(client, connection, pubsub, node, lease);
        } catch (Exception e) {
            client.shutdown();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Unable to use Redis at " + uri + " (--redis): " + e.getMessage(), e);
        }
    }

    public String node() {
        return node;
    }

    public Duration lease() {
        return lease;
    }

    /** The classrooms' agents of every node, on this node's command connection and channel. */
    public RedisAgents agents() {
        return new RedisAgents(redis, node, lease, this::send);
    }

    /** Schedule versions agreed by every node, on this node's command connection. */
    public RedisScheduleVersions scheduleVersions() {
        return new RedisScheduleVersions(redis);
    }

    /** Whether the command connection is up (for {@code /health}). */
    public boolean reachable() {
        return connection.isOpen() && pubsub.isOpen();
    }

    /** True when this node now holds the room's lease (nobody held it). */
    public CompletionStage<Boolean> claim(String room) {
        return redis.set(roomOwnerKey(room), node, SetArgs.Builder.nx().px(lease.toMillis()))
                .thenApply("OK"::equals);
    }

    /** True when this node still holds the room's lease, now renewed. */
    public CompletionStage<Boolean> renew(String room) {
        return redis.<Long>eval(RENEW, ScriptOutputType.INTEGER, new String[] {roomOwnerKey(room)}, node,
                Long.toString(lease.toMillis())).thenApply(n -> n != null && n == 1L);
    }

    /** Gives up the room's lease and its stored state (the room closed), when this node still holds it. */
    public void release(String room) {
        logged(redis.eval(RELEASE, ScriptOutputType.INTEGER, new String[] {roomOwnerKey(room), roomStateKey(room)},
                node), "release of room " + room);
    }

    /** Gives up the room's lease but keeps its stored state, for another node to take it over (this node stops). */
    public CompletionStage<Boolean> handOver(String room) {
        return redis.<Long>eval(HAND_OVER, ScriptOutputType.INTEGER, new String[] {roomOwnerKey(room)}, node)
                .thenApply(n -> n != null && n == 1L);
    }

    /**
     * Publishes {@code message} to the room's owner: {@link Owner#HEARD}, {@link Owner#GONE} when
     * the owner's node no longer listens (the message is lost: send it again once the room has been
     * taken over), {@link Owner#NONE} when the room has no owner.
     */
    public CompletionStage<Owner> toOwner(String room, NodeMessage message) {
        return redis.<String>eval(TO_OWNER, ScriptOutputType.VALUE, new String[] {roomOwnerKey(room)},
                NODE_CHANNEL_PREFIX, codec.encode(message))
                .thenApply(owner -> owner == null ? Owner.NONE : owner.isEmpty() ? Owner.GONE : Owner.HEARD);
    }

    /** What became of a message to a room's owner. */
    public enum Owner {
        HEARD, GONE, NONE
    }

    /** Publishes {@code message} on {@code to}'s channel. */
    public void send(String to, NodeMessage message) {
        logged(redis.publish(NODE_CHANNEL_PREFIX + to, codec.encode(message)), "message to node " + to);
    }

    /** Stores the room's state, when this node still holds its lease. */
    public void saveRoom(String room, NodeMessage.StoredRoom state) {
        logged(redis.eval(SAVE_ROOM, ScriptOutputType.STATUS, new String[] {roomOwnerKey(room), roomStateKey(room)},
                node, codec.encodeRoom(state), Long.toString(STATE_TTL_MILLIS)), "state of room " + room);
    }

    /**
     * Takes the lease of a room that has no owner and answers its stored state; empty when another
     * node owns it, or it has no state (this node then holds a lease it must {@link #release}).
     */
    public CompletionStage<Optional<Optional<NodeMessage.StoredRoom>>> takeOver(String room) {
        return redis.<String>eval(TAKE_OVER, ScriptOutputType.VALUE,
                new String[] {roomOwnerKey(room), roomStateKey(room)}, node, Long.toString(lease.toMillis()))
                .thenApply(text -> text == null ? Optional.empty()
                        : Optional.of(text.isEmpty() ? Optional.empty() : Optional.of(codec.decodeRoom(text))));
    }

    /** The room as its owner stored it last; empty when no node holds it open. */
    public CompletionStage<Optional<NodeMessage.StoredRoom>> storedRoom(String room) {
        return redis.get(roomStateKey(room)).thenApply(text -> Optional.ofNullable(text).map(codec::decodeRoom));
    }

    public void saveSession(NodeMessage.StoredSession session, Duration ttl) {
        logged(redis.set(sessionKey(session.session()), codec.encodeSession(session),
                SetArgs.Builder.px(Math.max(1, ttl.toMillis()))), "session " + session.session());
    }

    public CompletionStage<Optional<NodeMessage.StoredSession>> session(String id) {
        return redis.get(sessionKey(id)).thenApply(text -> Optional.ofNullable(text).map(codec::decodeSession));
    }

    public void dropSession(String id) {
        logged(redis.del(sessionKey(id)), "end of session " + id);
    }

    private static void logged(CompletionStage<?> command, String what) {
        command.whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("Redis failed the {}: {}", what, failure.getMessage());
            }
        });
    }

    @Override
    public void close() {
        pubsub.close();
        connection.close();
        client.shutdown();
    }
}
