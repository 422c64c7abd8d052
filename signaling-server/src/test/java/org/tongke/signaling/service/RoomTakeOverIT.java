package org.tongke.signaling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongke.config.testing.LocalRedis;
import org.tongke.signaling.cluster.NodeMessage;
import org.tongke.signaling.cluster.RedisNodes;
import org.tongke.signaling.room.InMemoryRoomRegistry;
import org.tongke.signaling.room.Room;

/** Taking over a room its node handed over, and coming back to it, on a real redis-server. */
class RoomTakeOverIT {
    private static final Duration LEASE = Duration.ofSeconds(2);
    private final String suffix = Long.toString(System.nanoTime());
    private final String roomId = "qt-01-sync#" + suffix;
    private LocalRedis redis;
    private RedisNodes stopping;
    private RedisNodes taking;

    private final java.util.List<NodeMessage> heardByA = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.start();
        stopping = RedisNodes.connect(redis.uri(), "a-" + suffix, LEASE, heardByA::add);
        taking = RedisNodes.connect(redis.uri(), "b-" + suffix, LEASE, m -> { });
    }

    @AfterEach
    void stop() throws Exception {
        stopping.close();
        taking.close();
        redis.close();
    }

    @Test
    void twoTakeOversOfOneRoomOnOneNodeBothFindItHeldThere() throws Exception {
        Room room = new Room(roomId, "分数的意义", List.of("wuzhong/lubo"), Clock.systemUTC());
        assertThat(stopping.claim(roomId).toCompletableFuture().get(5, TimeUnit.SECONDS)).isTrue();
        stopping.saveRoom(roomId, new NodeMessage.StoredRoom(room.state(), stopping.node(), Map.of(), null, Map.of(),
                NodeMessage.StoredLesson.of(room.lessonRecord())));
        assertThat(stopping.handOver(roomId).toCompletableFuture().get(5, TimeUnit.SECONDS)).isTrue();
        InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(Clock.systemUTC(), 10);
        NodeRouting routing = new NodeRouting(taking, rooms, new RoomActions(rooms, new MediaBridging(rooms)),
                new ConcurrentHashMap<>(), Clock.systemUTC(), Duration.ofSeconds(30), new SignalingMetrics());

        // A resumed session's back and the node's look at its sessions' rooms, at the same moment.
        var first = routing.adopt(roomId).toCompletableFuture();
        var second = routing.adopt(roomId).toCompletableFuture();

        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS)).as("the room is held here, by the first").isTrue();
        assertThat(rooms.find(roomId)).isPresent();
    }

    @Test
    void aSessionBackAfterItLeftTheRoomIsToldToJoinAgain() throws Exception {
        InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(Clock.systemUTC(), 10);
        NodeRouting routing = new NodeRouting(taking, rooms, new RoomActions(rooms, new MediaBridging(rooms)),
                new ConcurrentHashMap<>(), Clock.systemUTC(), Duration.ofSeconds(30), new SignalingMetrics());
        rooms.open(roomId, "分数的意义", List.of("wuzhong/lubo"));
        org.tongke.config.auth.Identity teacher = new org.tongke.config.auth.Identity("li.laoshi",
                org.tongke.config.auth.Role.LEAD_TEACHER, org.tongke.config.auth.Scope.parse("lesson:" + roomId),
                java.time.Instant.now(), java.time.Instant.now().plus(Duration.ofHours(1)), "t-1");

        // Node A was cut off for longer than the grace: the room let its session go meanwhile.
        routing.received(new NodeMessage.Presence(roomId, stopping.node(), "s-1",
                org.tongke.signaling.cluster.Who.of(teacher), NodeMessage.Presence.BACK, null, true));

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (heardByA.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(heardByA).singleElement().isInstanceOfSatisfying(NodeMessage.Deliver.class, d -> {
            assertThat(d.session()).isEqualTo("s-1");
            assertThat(d.message()).contains("\"code\":\"NOT_IN_ROOM\"", "\"ref\":\"resume\"", "join it again");
        });
        assertThat(rooms.find(roomId).orElseThrow().has("s-1")).isFalse();
    }
}
