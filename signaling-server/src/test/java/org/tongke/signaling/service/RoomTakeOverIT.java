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

/** Taking over a room its node handed over, on a real redis-server. */
class RoomTakeOverIT {
    private static final Duration LEASE = Duration.ofSeconds(2);
    private final String suffix = Long.toString(System.nanoTime());
    private final String roomId = "qt-01-sync#" + suffix;
    private LocalRedis redis;
    private RedisNodes stopping;
    private RedisNodes taking;

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.start();
        stopping = RedisNodes.connect(redis.uri(), "a-" + suffix, LEASE, m -> { });
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
}
