package org.tongke.signaling.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tongke.signaling.bridge.BridgeClient;
import org.tongke.signaling.bridge.BridgeFocus;
import org.tongke.signaling.bridge.BridgePool;
import org.tongke.signaling.bridge.StandInBridge;
import org.tongke.signaling.room.InMemoryRoomRegistry;
import org.tongke.signaling.room.MediaMode;
import org.tongke.signaling.room.Member;
import org.tongke.signaling.room.Participant;
import org.tongke.signaling.room.Room;
import org.tongke.signaling.room.RoomChange;
import org.tongke.signaling.room.RoomState;

/** A bridged room this node gives up to another node: its conference here goes (against the stand-in bridge). */
class GivenUpRoomBridgeTest {
    private StandInBridge bridge;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void aBridgedRoomGivenUpToAnotherNodeExpiresItsConferenceHere() throws Exception {
        bridge = new StandInBridge();
        BridgePool pool = new BridgePool(List.of(new BridgeClient("jvb1", bridge.uri(), HttpClient.newHttpClient(),
                Duration.ofSeconds(1))), Clock.systemUTC());
        pool.refresh().get(5, TimeUnit.SECONDS);
        InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(Clock.systemUTC(), 10, true);
        MediaBridging bridging = new MediaBridging(rooms);
        bridging.use(new BridgeFocus(pool, bridging.outbox(), () -> "meeting-1"));
        RoomActions actions = new RoomActions(rooms, bridging);
        Room room = rooms.open("qt-01-sync#1", "分数的意义", List.of("wuzhong/lubo", "shankou/lubo", "zhenbu/lubo"));
        room.join(new Quiet(new Participant("lead", "lead-teacher", "li.laoshi", null)));
        room.join(new Quiet(new Participant("w", "assistant-teacher", "wang", "wuzhong/lubo")));
        room.join(new Quiet(new Participant("s", "assistant-teacher", "sun", "shankou/lubo")));
        assertThat(room.media()).isEqualTo(MediaMode.BRIDGE);
        actions.reconcile(room, null);
        await(() -> bridge.conferences().containsKey("meeting-1")
                && bridge.conferences().get("meeting-1").size() == 3, "the conference with its three endpoints");

        actions.givenUp(room);

        await(() -> bridge.conferences().isEmpty(), "the conference expired");
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 5 s").isLessThan(until);
            Thread.sleep(20);
        }
    }

    private record Quiet(Participant participant) implements Member {
        @Override
        public void snapshot(RoomState state) {
        }

        @Override
        public void delta(String room, RoomChange change) {
        }

        @Override
        public void signal(String room, String from, String kind, Object payload) {
        }
    }
}
