package org.tongke.signaling.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongke.signaling.protocol.MessageCodec;
import org.tongke.signaling.protocol.Sequenced;
import org.tongke.signaling.protocol.ServerMessage;
import org.tongke.signaling.room.Participant;

class StageTest {
    private static final String WUZHONG = "wuzhong/lubo";
    private static final String SHANKOU = "shankou/lubo";
    private static final List<Participant> ROOM = List.of(
            new Participant("t", "lead-teacher", "he-yonghui", null),
            new Participant("w", "assistant-teacher", "wu", WUZHONG),
            new Participant("s", "assistant-teacher", "shan", SHANKOU),
            new Participant("o", "staff", "bureau", null));
    private static final Map<String, List<String>> VIDEO = Map.of(
            "t", List.of("t-v0"), "w", List.of("w-v0"), "s", List.of("s-v0"), "o", List.of());

    @Test
    void withoutFloorRuralRoomsSeeTheTeacherHighAndEachOtherLowAndTheTeacherSeesThemStandard() {
        Stage stage = Stage.of(ROOM, null, null);

        ReceiverConstraints wuzhong = stage.forViewer("w", VIDEO);
        assertThat(wuzhong.maxHeightOf("t-v0")).isEqualTo(720);
        assertThat(wuzhong.maxHeightOf("s-v0")).isEqualTo(180);
        assertThat(wuzhong.onStageSources()).containsExactly("t-v0");
        ReceiverConstraints teacher = stage.forViewer("t", VIDEO);
        assertThat(teacher.constraints()).isEmpty();
        assertThat(teacher.maxHeightOf("w-v0")).isEqualTo(360);
        assertThat(teacher.maxHeightOf("s-v0")).isEqualTo(360);
        assertThat(stage.forViewer("o", VIDEO).maxHeightOf("t-v0")).isEqualTo(720);
    }

    @Test
    void theRoomGivenTheFloorIsHighForEveryoneElse() {
        Stage stage = Stage.of(ROOM, SHANKOU, null);

        assertThat(stage.forViewer("w", VIDEO).maxHeightOf("s-v0")).isEqualTo(720);
        assertThat(stage.forViewer("w", VIDEO).onStageSources()).containsExactly("t-v0", "s-v0");
        assertThat(stage.forViewer("t", VIDEO).maxHeightOf("s-v0")).isEqualTo(720);
        assertThat(stage.forViewer("t", VIDEO).maxHeightOf("w-v0")).isEqualTo(360);
        // The floor holder does not ask for its own camera; it still sees the teacher high, the others low.
        ReceiverConstraints shankou = stage.forViewer("s", VIDEO);
        assertThat(shankou.constraints()).containsOnlyKeys("t-v0");
        assertThat(shankou.maxHeightOf("w-v0")).isEqualTo(180);
    }

    @Test
    void floorAndSpotlightOnTwoRoomsPutBothOnStageAndRevokingReturnsToTheQuietStage() {
        Stage both = Stage.of(ROOM, SHANKOU, WUZHONG);

        assertThat(both.forViewer("t", VIDEO).constraints()).containsOnlyKeys("w-v0", "s-v0");
        assertThat(both.forViewer("o", VIDEO).onStageSources()).containsExactlyInAnyOrder("t-v0", "w-v0", "s-v0");
        Stage revoked = Stage.of(ROOM, null, null);
        assertThat(revoked.forViewer("t", VIDEO).constraints()).isEmpty();
        assertThat(revoked.forViewer("w", VIDEO).constraints()).containsOnlyKeys("t-v0");
        assertThat(revoked.forViewer("w", VIDEO)).isNotEqualTo(both.forViewer("w", VIDEO));
    }

    @Test
    void aSessionWhoseSourcesAreNotKnownYetIsLeftOutUntilTheyAre() {
        Stage stage = Stage.of(ROOM, WUZHONG, null);

        ReceiverConstraints early = stage.forViewer("s", Map.of("s", List.of("s-v0")));
        assertThat(early.constraints()).isEmpty();
        assertThat(early.defaultConstraints().maxHeight()).isEqualTo(180);
        assertThat(stage.forViewer("s", VIDEO).constraints()).containsOnlyKeys("t-v0", "w-v0");
    }

    @Test
    void theBridgeChannelTravelsAsASignalPayloadThroughTheProtocolCodec() throws Exception {
        BridgeChannel channel = new BridgeChannel("wss://jvb.example/colibri-ws/jvb1/m1/w?pwd=p",
                Stage.of(ROOM, null, null).forViewer("w", VIDEO));

        JsonNode wire = new ObjectMapper().readTree(new MessageCodec().encodeServer(
                new Sequenced(7, new ServerMessage.Signal("qt-02-dd#1", BridgeFocus.BRIDGE, BridgeChannel.KIND, channel))));

        assertThat(wire.path("kind").asText()).isEqualTo("bridge-channel");
        assertThat(wire.path("from").asText()).isEqualTo("bridge");
        assertThat(wire.path("payload").path("url").asText()).endsWith("/w?pwd=p");
        JsonNode constraints = wire.path("payload").path("constraints");
        assertThat(constraints.path("colibriClass").asText()).isEqualTo("ReceiverVideoConstraints");
        assertThat(constraints.path("lastN").asInt()).isEqualTo(-1);
        assertThat(constraints.path("constraints").path("t-v0").path("maxHeight").asInt()).isEqualTo(720);
        assertThat(constraints.path("defaultConstraints").path("maxHeight").asInt()).isEqualTo(180);
    }
}
