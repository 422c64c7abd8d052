package org.tongke.signaling.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The classroom agents' messages on the wire: the contract's examples decode, every bound is checked. */
class AgentMessagesCodecTest {
    private final MessageCodec codec = new MessageCodec();

    static final String HEALTH = "{\"v\":1,\"type\":\"health\",\"sources\":[{\"name\":\"teacher\",\"state\":\"recording\","
            + "\"fps\":25.0,\"error\":null}],\"disk\":{\"freeBytes\":52000000000,\"totalBytes\":64000000000,\"full\":false},"
            + "\"backlog\":{\"files\":3,\"bytes\":41000000,\"oldest\":\"2021-11-24T13:31:00+08:00\"},"
            + "\"scheduleVersion\":17,\"clockOffsetMs\":-42,\"recording\":\"qt-01-sync#1@2021-11-24\"}";

    static ClientMessage.Health health() {
        return new ClientMessage.Health(List.of(new ClientMessage.Source("teacher", "recording", 25.0, null)),
                new ClientMessage.Disk(52_000_000_000L, 64_000_000_000L, false),
                new ClientMessage.Backlog(3, 41_000_000L, "2021-11-24T13:31:00+08:00"), 17L, -42L,
                "qt-01-sync#1@2021-11-24");
    }

    @Test
    void theContractsHealthExampleDecodesToItsRecord() {
        assertThat(codec.decodeClient(HEALTH)).isEqualTo(health());
    }

    @Test
    void theContractsCommandAndAckExamplesDecode() {
        assertThat(codec.decodeClient("{\"v\":1,\"type\":\"agent-command\",\"classroom\":\"wuzhong/lubo\","
                + "\"command\":\"start-now\",\"id\":\"c-1\",\"minutes\":45,\"lesson\":null}"))
                .isEqualTo(new ClientMessage.AgentCommand("wuzhong/lubo", "start-now", "c-1", 45, null));
        assertThat(codec.decodeClient("{\"v\":1,\"type\":\"schedule-ack\",\"version\":17}"))
                .isEqualTo(new ClientMessage.ScheduleAck(17L));
        assertThat(codec.decodeClient("{\"v\":1,\"type\":\"command-result\",\"id\":\"c-1\",\"ok\":true,\"message\":\"recording\"}"))
                .isEqualTo(new ClientMessage.CommandResult("c-1", true, "recording"));
        assertThat(codec.decodeClient("{\"v\":1,\"type\":\"recording\",\"room\":\"qt-01-sync#1\",\"recording\":true}"))
                .isEqualTo(new ClientMessage.Recording("qt-01-sync#1", true));
    }

    @Test
    void pongCarriesTheServerTime() {
        assertThat(codec.encodeServer(new Sequenced(2, new ServerMessage.Pong(5, 1637731800000L))))
                .isEqualTo("{\"v\":1,\"type\":\"pong\",\"seq\":2,\"t\":5,\"serverTime\":1637731800000}");
    }

    @Test
    void aScheduleIsWrittenAsTheContractShowsIt() {
        String text = codec.encodeServer(new Sequenced(2, new ServerMessage.Schedule("wuzhong/lubo", 17, "Asia/Shanghai",
                List.of(new ServerMessage.ScheduledLesson("qt-01-sync#1@2021-11-24", "四年级数学", "吴中小学", "receiving",
                        "2021-11-24T13:30:00+08:00", "2021-11-24T14:10:00+08:00")))));

        assertThat(text).isEqualTo("{\"v\":1,\"type\":\"schedule\",\"seq\":2,\"classroom\":\"wuzhong/lubo\",\"version\":17,"
                + "\"timeZone\":\"Asia/Shanghai\",\"lessons\":[{\"lesson\":\"qt-01-sync#1@2021-11-24\",\"title\":\"四年级数学\","
                + "\"school\":\"吴中小学\",\"role\":\"receiving\",\"start\":\"2021-11-24T13:30:00+08:00\","
                + "\"end\":\"2021-11-24T14:10:00+08:00\"}]}");
    }

    private Invalid invalid(String text) {
        Inbound in = codec.decodeClient(text);
        assertThat(in).as(text).isInstanceOf(Invalid.class);
        Invalid invalid = (Invalid) in;
        assertThat(invalid.code()).as(text).isEqualTo(ErrorCode.BAD_MESSAGE);
        return invalid;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"state\":\"recording\"|\"state\":\"dancing\"",
        "\"fps\":25.0|\"fps\":-1",
        "\"fps\":25.0|\"fps\":5000",
        "\"name\":\"teacher\"|\"name\":\"\"",
        "\"freeBytes\":52000000000|\"freeBytes\":65000000000",
        "\"totalBytes\":64000000000|\"totalBytes\":-1",
        "\"full\":false|\"full\":null",
        "\"files\":3|\"files\":-3",
        "\"bytes\":41000000|\"bytes\":-1",
        "\"oldest\":\"2021-11-24T13:31:00+08:00\"|\"oldest\":\"yesterday\"",
        "\"oldest\":\"2021-11-24T13:31:00+08:00\"|\"oldest\":\"2021-11-24T13:31:00\"",
        "\"scheduleVersion\":17|\"scheduleVersion\":-1",
        "\"clockOffsetMs\":-42|\"clockOffsetMs\":86400001",
        "\"disk\":{|\"disk\":null,\"x\":{",
        "\"backlog\":{|\"backlog\":null,\"x\":{",
        "\"sources\":[|\"sources\":null,\"x\":[",
        "\"error\":null|\"error\":\"EOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOOO\"",
    })
    void aHealthReportWithAFieldOutOfBoundsIsBadMessage(String edit) {
        String[] fromTo = edit.split("\\|");
        assertThat(HEALTH).contains(fromTo[0]);
        Invalid invalid = invalid(HEALTH.replace(fromTo[0], fromTo[1]));
        assertThat(invalid.ref()).isEqualTo("health");
    }

    @Test
    void aHealthReportWithTooManySourcesIsBadMessage() {
        String source = "{\"name\":\"cam\",\"state\":\"idle\",\"fps\":null,\"error\":null}";
        String many = String.join(",", java.util.Collections.nCopies(ClientMessage.MAX_SOURCES + 1, source));
        Invalid invalid = invalid(HEALTH.replaceFirst("\"sources\":\\[[^\\]]*\\]", "\"sources\":[" + many + "]"));
        assertThat(invalid.message()).contains("sources");
    }

    @Test
    void commandsOutOfBoundsAreBadMessage() {
        String start = "{\"v\":1,\"type\":\"agent-command\",\"classroom\":\"wuzhong/lubo\",";
        invalid(start + "\"command\":\"reboot\",\"id\":\"c-1\"}");
        invalid(start + "\"command\":\"start-now\",\"id\":\"c-1\",\"minutes\":0}");
        invalid(start + "\"command\":\"start-now\",\"id\":\"c-1\",\"minutes\":241}");
        invalid(start + "\"command\":\"start-now\",\"id\":\"" + "x".repeat(65) + "\"}");
        invalid(start + "\"command\":\"start-now\"}");
        invalid("{\"v\":1,\"type\":\"agent-command\",\"command\":\"status\",\"id\":\"c-1\"}");
        invalid("{\"v\":1,\"type\":\"command-result\",\"id\":\"c-1\"}");
        invalid("{\"v\":1,\"type\":\"command-result\",\"id\":\"c-1\",\"ok\":true,\"message\":\"" + "m".repeat(501) + "\"}");
        invalid("{\"v\":1,\"type\":\"schedule-ack\",\"version\":-1}");
        invalid("{\"v\":1,\"type\":\"schedule-ack\"}");
        invalid("{\"v\":1,\"type\":\"recording\",\"room\":\"r\"}");
    }
}
