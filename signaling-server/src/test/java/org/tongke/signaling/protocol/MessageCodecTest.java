package org.tongke.signaling.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongke.signaling.ice.IceServer;
import org.tongke.signaling.room.AttendanceReport;
import org.tongke.signaling.room.ChatEntry;
import org.tongke.signaling.room.Participant;
import org.tongke.signaling.room.RoomChange;
import org.tongke.signaling.room.RoomState;

class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec();

    static List<ClientMessage> everyClientMessage() {
        return List.of(new ClientMessage.Hello("a.b.c"), new ClientMessage.Ping(7L),
                new ClientMessage.OpenRoom("l#1", "分数", List.of("s/r")), new ClientMessage.Join("l#1"),
                new ClientMessage.Leave("l#1"), new ClientMessage.RaiseHand("l#1"),
                new ClientMessage.LowerHand("l#1", null), new ClientMessage.LowerHand("l#1", "s/r"),
                new ClientMessage.GrantFloor("l#1", "s/r"), new ClientMessage.RevokeFloor("l#1"),
                new ClientMessage.Mute("l#1", "s/r", true), new ClientMessage.Lock("l#1", "s/r", false),
                new ClientMessage.Spotlight("l#1", null), new ClientMessage.Chat("l#1", "你好"),
                new ClientMessage.Attendance("l#1", 38, 40), new ClientMessage.StartLesson("l#1"),
                new ClientMessage.EndLesson("l#1"), new ClientMessage.Signal("l#1", "s2", "offer", sdp()),
                new ClientMessage.ScheduleAck(17L), AgentMessagesCodecTest.health(),
                new ClientMessage.AgentCommand("wuzhong/lubo", "start-now", "c-1", 45, null),
                new ClientMessage.AgentCommand("wuzhong/lubo", "status", "c-2", null, "qt-01-sync#1@2021-11-24"),
                new ClientMessage.CommandResult("c-1", true, "recording"), new ClientMessage.CommandResult("c-2", false, null),
                new ClientMessage.Recording("l#1", true));
    }

    static ObjectNode sdp() {
        return JsonNodeFactory.instance.objectNode().put("type", "offer").put("sdp", "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\n");
    }

    @ParameterizedTest
    @MethodSource("everyClientMessage")
    void everyClientMessageRoundTrips(ClientMessage message) {
        String text = codec.encodeClient(message);

        assertThat(text).startsWith("{\"v\":1,\"type\":\"");
        assertThat(codec.decodeClient(text)).isEqualTo(message);
    }

    static List<ServerMessage> everyServerMessage() {
        Participant p = new Participant("s1", "lead-teacher", "he", null);
        RoomState state = new RoomState("l#1", "t", "live", null, List.of("s/r"), List.of(p), "s/r", List.of(),
                List.of("s/r"), List.of(), null, Map.of("s/r", new AttendanceReport(1, 2, "2021-09-06T01:00:00Z")),
                List.of(new ChatEntry("s1", "he", null, "hi", "2021-09-06T01:00:00Z")), "p2p", List.of("s/r"));
        return List.of(new ServerMessage.Welcome("s1", "lead-teacher", "lesson:l#1", "he", 15,
                        List.of(new IceServer(List.of("stun:stun.example.org:3478"), null, null),
                                new IceServer(List.of("turn:turn.example.org:3478"), "1700000000:he", "c2VjcmV0"))), new ServerMessage.Pong(7, 1700000000000L),
                new ServerMessage.Snapshot("l#1", state), new ServerMessage.Error("FORBIDDEN", "no", "grant-floor"),
                new ServerMessage.Delta("l#1", new RoomChange.Joined(p)),
                new ServerMessage.Delta("l#1", new RoomChange.Left(p, "left")),
                new ServerMessage.Delta("l#1", new RoomChange.Hands(List.of("s/r"))),
                new ServerMessage.Delta("l#1", new RoomChange.Floor(null)),
                new ServerMessage.Delta("l#1", new RoomChange.Muted("s/r", true)),
                new ServerMessage.Delta("l#1", new RoomChange.Locked("s/r", true)),
                new ServerMessage.Delta("l#1", new RoomChange.Spotlight("s/r")),
                new ServerMessage.Delta("l#1", new RoomChange.Chat(new ChatEntry("s1", "he", null, "hi", "x"))),
                new ServerMessage.Delta("l#1", new RoomChange.Attendance("s/r", new AttendanceReport(1, 2, "x"))),
                new ServerMessage.Delta("l#1", new RoomChange.Lesson("ended")),
                new ServerMessage.Delta("l#1", new RoomChange.Media("bridge")),
                new ServerMessage.Delta("l#1", new RoomChange.Recording("s/r", true)),
                new ServerMessage.Schedule("wuzhong/lubo", 17, "Asia/Shanghai", List.of(new ServerMessage.ScheduledLesson(
                        "qt-01-sync#1@2021-11-24", "四年级数学", "吴中小学", "receiving", "2021-11-24T13:30:00+08:00",
                        "2021-11-24T14:10:00+08:00"))),
                new ServerMessage.Command("c-1", "start-now", 45, null, "he-yonghui"),
                new ServerMessage.CommandResult("c-1", "wuzhong/lubo", true, "recording"),
                new ServerMessage.Signal("l#1", "s1", "candidate", Map.of("candidate", "candidate:1 1 udp 1 10.0.0.1 5000 typ host",
                        "sdpMid", "0")));
    }

    @ParameterizedTest
    @MethodSource("everyServerMessage")
    void everyServerMessageRoundTripsWithItsSeq(ServerMessage message) {
        Sequenced sent = new Sequenced(42, message);

        String text = codec.encodeServer(sent);

        assertThat(text).startsWith("{\"v\":1,\"type\":\"").contains("\"seq\":42");
        assertThat(codec.decodeServer(text)).isEqualTo(sent);
    }

    @Test
    void deltaCarriesTheChangeKind() {
        String text = codec.encodeServer(new Sequenced(1, new ServerMessage.Delta("l#1", new RoomChange.Floor("s/r"))));

        assertThat(text).isEqualTo("{\"v\":1,\"type\":\"delta\",\"seq\":1,\"room\":\"l#1\",\"change\":{\"kind\":\"floor\",\"classroom\":\"s/r\"}}");
    }

    private ErrorCode codeOf(String text) {
        Inbound in = codec.decodeClient(text);
        assertThat(in).isInstanceOf(Invalid.class);
        return ((Invalid) in).code();
    }

    @Test
    void malformedJsonIsBadJson() {
        assertThat(codeOf("{\"v\":1,")).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(codeOf("[1,2]")).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(codeOf("")).isEqualTo(ErrorCode.BAD_JSON);
    }

    @Test
    void otherOrMissingVersionIsUnsupported() {
        assertThat(codeOf("{\"v\":2,\"type\":\"ping\",\"t\":1}")).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        assertThat(codeOf("{\"type\":\"ping\",\"t\":1}")).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    }

    @Test
    void unknownTypeIsUnknownType() {
        assertThat(codeOf("{\"v\":1,\"type\":\"dance\"}")).isEqualTo(ErrorCode.UNKNOWN_TYPE);
    }

    @Test
    void missingOrOversizedFieldIsBadMessageNamingIt() {
        Invalid missing = (Invalid) codec.decodeClient("{\"v\":1,\"type\":\"join\"}");
        assertThat(missing.code()).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(missing.message()).contains("'room'");
        assertThat(missing.ref()).isEqualTo("join");
        assertThat(codeOf("{\"v\":1,\"type\":\"chat\",\"room\":\"r\",\"text\":\"" + "x".repeat(501) + "\"}"))
                .isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(codeOf("{\"v\":1,\"type\":\"mute\",\"room\":\"r\",\"classroom\":\"c\",\"muted\":{}}"))
                .isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(codeOf("{\"v\":1}")).isEqualTo(ErrorCode.BAD_MESSAGE);
    }

    @Test
    void signalWithAnUnknownKindAPayloadThatIsNoObjectOrTooBigIsBadMessage() {
        String start = "{\"v\":1,\"type\":\"signal\",\"room\":\"r\",\"to\":\"s2\",";
        assertThat(codeOf(start + "\"kind\":\"bye\",\"payload\":{}}")).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(codeOf(start + "\"kind\":\"offer\",\"payload\":\"v=0\"}")).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(codeOf(start + "\"kind\":\"offer\",\"payload\":null}")).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(codeOf(start + "\"kind\":\"offer\"}")).isEqualTo(ErrorCode.BAD_MESSAGE);
        String big = "{\"type\":\"offer\",\"sdp\":\"" + "a".repeat(ClientMessage.MAX_SIGNAL_PAYLOAD_BYTES) + "\"}";
        assertThat(codeOf(start + "\"kind\":\"offer\",\"payload\":" + big + "}")).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(codec.decodeClient(start + "\"kind\":\"answer\",\"payload\":{\"type\":\"answer\",\"sdp\":\"v=0\"}}"))
                .isInstanceOf(ClientMessage.Signal.class);
    }

    @Test
    void welcomeLeavesOutStunUsernameAndCredential() {
        String text = codec.encodeServer(new Sequenced(1, new ServerMessage.Welcome("s1", "staff", "county:q", "q", 15,
                List.of(new IceServer(List.of("stun:s:3478"), null, null)))));

        assertThat(text).contains("\"iceServers\":[{\"urls\":[\"stun:s:3478\"]}],");
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        assertThat(codec.decodeClient("{\"v\":1,\"type\":\"join\",\"room\":\"r\",\"later\":true}"))
                .isEqualTo(new ClientMessage.Join("r"));
    }
}
