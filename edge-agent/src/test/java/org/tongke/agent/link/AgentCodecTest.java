package org.tongke.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.agent.schedule.Schedule;

class AgentCodecTest {
    final ObjectMapper json = new ObjectMapper();

    @Test
    void theScheduleOfTheProtocolDocumentDecodesAndEncodesBackToTheSameFields() throws Exception {
        String doc = """
                {"v":1,"type":"schedule","seq":2,"classroom":"wuzhong/lubo","version":17,"timeZone":"Asia/Shanghai",
                 "lessons":[{"lesson":"qt-01-sync#1@2021-11-24","title":"四年级数学","school":"吴中小学","role":"receiving",
                             "start":"2021-11-24T13:30:00+08:00","end":"2021-11-24T14:10:00+08:00"}]}""";
        ServerMessage.ScheduleMessage m = (ServerMessage.ScheduleMessage) AgentCodec.decodeServer(doc);
        assertThat(m.seq()).isEqualTo(2);
        Schedule s = m.schedule();
        assertThat(s.version()).isEqualTo(17);
        assertThat(s.lessons().get(0).start()).isEqualTo(OffsetDateTime.parse("2021-11-24T13:30:00+08:00"));
        var again = json.readTree(AgentCodec.encodeSchedule(s));
        var original = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(doc);
        original.remove("seq");
        assertThat(again).isEqualTo(original);
    }

    @Test
    void welcomePongCommandAndErrorDecode() {
        assertThat(AgentCodec.decodeServer("{\"v\":1,\"type\":\"welcome\",\"seq\":1,\"session\":\"s1\",\"heartbeatSeconds\":5,"
                + "\"resumed\":true,\"iceServers\":[]}")).isEqualTo(new ServerMessage.Welcome(1, "s1", 5, true));
        assertThat(AgentCodec.decodeServer("{\"v\":1,\"type\":\"pong\",\"seq\":3,\"t\":100,\"serverTime\":160}"))
                .isEqualTo(new ServerMessage.Pong(3, 100, 160));
        assertThat(AgentCodec.decodeServer("{\"v\":1,\"type\":\"command\",\"seq\":4,\"id\":\"c-1\",\"command\":\"start-now\","
                + "\"minutes\":45,\"lesson\":null,\"from\":\"he\"}"))
                .isEqualTo(new ServerMessage.Command(4, "c-1", "start-now", 45, null, "he"));
        assertThat(AgentCodec.decodeServer("{\"v\":1,\"type\":\"error\",\"seq\":0,\"code\":\"FORBIDDEN\",\"message\":\"no\",\"ref\":\"health\"}"))
                .isEqualTo(new ServerMessage.Error(0, "FORBIDDEN", "no", "health"));
        assertThat(AgentCodec.decodeServer("{\"v\":1,\"type\":\"delta\",\"seq\":9}")).isEqualTo(new ServerMessage.Other(9, "delta"));
    }

    @Test
    void aRoomsSnapshotAndItsLessonDeltaDecodeAndTheRoomMessagesEncodeAsTheProtocolWritesThem() throws Exception {
        assertThat(AgentCodec.decodeServer("{\"v\":1,\"type\":\"snapshot\",\"seq\":4,\"room\":\"c1-math#1@2021-11-24\","
                + "\"state\":{\"id\":\"c1-math#1@2021-11-24\",\"lesson\":\"waiting\",\"recording\":[\"zhenbu/lubo\"]}}"))
                .isEqualTo(new ServerMessage.Snapshot(4, "c1-math#1@2021-11-24", "waiting", List.of("zhenbu/lubo")));
        assertThat(AgentCodec.decodeServer("{\"v\":1,\"type\":\"delta\",\"seq\":5,\"room\":\"r#1\","
                + "\"change\":{\"kind\":\"lesson\",\"state\":\"live\"}}"))
                .isEqualTo(new ServerMessage.LessonChange(5, "r#1", "live"));
        assertThat(AgentCodec.decodeServer("{\"v\":1,\"type\":\"delta\",\"seq\":6,\"room\":\"r#1\","
                + "\"change\":{\"kind\":\"hands\",\"queue\":[]}}"))
                .isEqualTo(new ServerMessage.Other(6, "delta"));
        assertThat(json.readTree(AgentCodec.recording("r#1", true)))
                .isEqualTo(json.readTree("{\"v\":1,\"type\":\"recording\",\"room\":\"r#1\",\"recording\":true}"));
        assertThat(json.readTree(AgentCodec.join("r#1"))).isEqualTo(json.readTree("{\"v\":1,\"type\":\"join\",\"room\":\"r#1\"}"));
        assertThat(json.readTree(AgentCodec.leave("r#1"))).isEqualTo(json.readTree("{\"v\":1,\"type\":\"leave\",\"room\":\"r#1\"}"));
    }

    @Test
    void anotherVersionOrAScheduleWithoutVersionIsRefused() {
        assertThatThrownBy(() -> AgentCodec.decodeServer("{\"v\":2,\"type\":\"pong\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentCodec.decodeServer("{\"v\":1,\"type\":\"schedule\",\"classroom\":\"a/b\",\"lessons\":[]}"))
                .hasMessageContaining("version");
        assertThatThrownBy(() -> AgentCodec.decodeServer("[1]")).hasMessageContaining("object");
    }

    @Test
    void healthCarriesEveryFieldTheProtocolNames() throws Exception {
        Health h = new Health(List.of(new Health.SourceHealth("teacher", "recording", 25.0, null)),
                new Health.Disk(52_000_000_000L, 64_000_000_000L, false),
                new Health.Backlog(3, 41_000_000, OffsetDateTime.parse("2021-11-24T13:31:00+08:00")), 17, -42L,
                "qt-01-sync#1@2021-11-24");
        assertThat(json.readTree(AgentCodec.health(h))).isEqualTo(json.readTree("""
                {"v":1,"type":"health","sources":[{"name":"teacher","state":"recording","fps":25.0,"error":null}],
                 "disk":{"freeBytes":52000000000,"totalBytes":64000000000,"full":false},
                 "backlog":{"files":3,"bytes":41000000,"oldest":"2021-11-24T13:31:00+08:00"},
                 "scheduleVersion":17,"clockOffsetMs":-42,"recording":"qt-01-sync#1@2021-11-24"}"""));
        assertThat(json.readTree(AgentCodec.hello("tok", "s1", 41))).isEqualTo(json.readTree(
                "{\"v\":1,\"type\":\"hello\",\"token\":\"tok\",\"resume\":{\"session\":\"s1\",\"lastSeq\":41}}"));
        assertThat(json.readTree(AgentCodec.scheduleAck(17))).isEqualTo(json.readTree("{\"v\":1,\"type\":\"schedule-ack\",\"version\":17}"));
        assertThat(json.readTree(AgentCodec.commandResult("c-1", true, "recording"))).isEqualTo(json.readTree(
                "{\"v\":1,\"type\":\"command-result\",\"id\":\"c-1\",\"ok\":true,\"message\":\"recording\"}"));
    }
}
