package org.tongke.signaling.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.room.Participant;
import org.tongke.signaling.room.Room;
import org.tongke.signaling.room.RoomState;

class NodeCodecTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T06:00:00Z"), ZoneOffset.UTC);
    private final NodeCodec codec = new NodeCodec();
    private final Who who = Who.of(new Identity("li.laoshi", Role.LEAD_TEACHER, Scope.parse("lesson:qt-01-sync#1"),
            CLOCK.instant(), CLOCK.instant().plus(Duration.ofHours(1)), "t-1"));

    @Test
    void everyNodeMessageComesBackAsItWasSent() {
        List<NodeMessage> messages = List.of(
                new NodeMessage.Act("qt-01-sync#1", "a", "s-1", who, "{\"v\":1,\"type\":\"raise-hand\"}"),
                new NodeMessage.Presence("qt-01-sync#1", "b", "s-2", who, NodeMessage.Presence.BACK, null, true),
                new NodeMessage.Deliver("s-3", "{\"v\":1,\"type\":\"pong\",\"seq\":1,\"t\":1,\"serverTime\":2}"),
                new NodeMessage.Resumed("s-4", "b"),
                new NodeMessage.Command("wuzhong/lubo", "a", "s-5", who, true,
                        "{\"v\":1,\"type\":\"agent-command\",\"classroom\":\"wuzhong/lubo\",\"command\":\"status\",\"id\":\"c-1\"}"));
        for (NodeMessage m : messages) {
            assertThat(codec.decode(codec.encode(m))).isEqualTo(m);
        }
    }

    @Test
    void aVerifiedIdentityTravelsWhole() {
        assertThat(Who.of(who.identity())).isEqualTo(who);
        assertThat(who.identity().scope()).isEqualTo(Scope.parse("lesson:qt-01-sync#1"));
    }

    @Test
    void anUnknownKindIsRefusedNamingIt() {
        assertThatThrownBy(() -> codec.decode("{\"kind\":\"shout\"}")).hasMessageContaining("shout");
    }

    @Test
    void aStoredRoomRebuildsTheSameRoom() {
        Room room = new Room("qt-01-sync#1", "分数的意义", List.of("wuzhong/lubo", "shankou/lubo"), CLOCK);
        room.join(new Quiet(new Participant("s-1", "lead-teacher", "li.laoshi", null)));
        room.join(new Quiet(new Participant("s-2", "assistant-teacher", "wang", "wuzhong/lubo")));
        room.raiseHand("s-2");
        room.grantFloor("s-1", "shankou/lubo");
        room.lock("s-1", "shankou/lubo", true);
        room.spotlight("s-1", "wuzhong/lubo");
        room.chat("s-2", "老师好");
        room.attendance("s-2", 31, 32);
        room.startLesson("s-1");
        NodeMessage.StoredRoom stored = new NodeMessage.StoredRoom(room.state(), "a", Map.of("s-1", "a", "s-2", "b"),
                null, Map.of("s-1", "node-stopping"),
                NodeMessage.StoredLesson.of(room.lessonRecord()));

        NodeMessage.StoredRoom back = codec.decodeRoom(codec.encodeRoom(stored));

        assertThat(back).isEqualTo(stored);
        Room rebuilt = Room.restore(back.state(), null, CLOCK, false, List.of(
                new Quiet(new Participant("s-1", "lead-teacher", "li.laoshi", null)),
                new Quiet(new Participant("s-2", "assistant-teacher", "wang", "wuzhong/lubo"))),
                back.awayOrNone(), back.lesson().record());
        RoomState state = rebuilt.state();
        assertThat(state).isEqualTo(room.state());
        assertThat(rebuilt.lessonRecord()).isEqualTo(room.lessonRecord());
        rebuilt.lowerHand("s-1", "wuzhong/lubo");
        assertThat(rebuilt.state().hands()).isEmpty();
    }

    @Test
    void aStoredAgentComesBackWithItsHealth() {
        ClientMessage.Health health = new ClientMessage.Health(
                List.of(new ClientMessage.Source("teacher", "recording", 25.0, null)),
                new ClientMessage.Disk(52_000_000_000L, 64_000_000_000L, false),
                new ClientMessage.Backlog(3, 41_000_000L, "2026-03-02T05:00:00Z"), 17L, -42L, "qt-01-sync#1");
        NodeMessage.StoredAgent agent = new NodeMessage.StoredAgent("wuzhong/lubo", "online", "b", "s-1",
                "classroom:wuzhong/lubo", "2026-03-02T05:59:00Z", "2026-03-02T06:00:00Z", health,
                "2026-03-02T06:00:00Z", 17L, 17L, "qt-01-sync#1", null);

        assertThat(codec.decodeAgent(codec.encodeAgent(agent))).isEqualTo(agent);
    }

    /** A member that hears nothing: these tests look at the room's state alone. */
    record Quiet(Participant participant) implements org.tongke.signaling.room.Member {
        public void snapshot(RoomState state) {
        }

        public void delta(String room, org.tongke.signaling.room.RoomChange change) {
        }

        public void signal(String room, String from, String kind, Object payload) {
        }
    }
}
