package org.tongke.signaling.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiverConstraintsTest {
    @Test
    void ruralRoomsReceiveTheTeacherAndTheFloorInHighQualityAndEachOtherLow() {
        var message = ReceiverConstraints.forViewer(false, List.of("teacher-v0"), List.of("wuzhong-v0"));

        assertThat(message.defaultConstraints().maxHeight()).isEqualTo(ReceiverConstraints.LOW);
        assertThat(message.maxHeightOf("teacher-v0")).isEqualTo(720);
        assertThat(message.maxHeightOf("wuzhong-v0")).isEqualTo(720);
        assertThat(message.maxHeightOf("shankou-v0")).isEqualTo(180);
        assertThat(message.onStageSources()).containsExactly("teacher-v0", "wuzhong-v0");
    }

    @Test
    void theLeadTeacherSeesEveryRuralRoomInStandardQualityAndTheFloorHigh() {
        var quiet = ReceiverConstraints.forViewer(true, List.of(), List.of());
        var floor = ReceiverConstraints.forViewer(true, List.of("teacher-v0"), List.of("wuzhong-v0"));

        assertThat(quiet.defaultConstraints().maxHeight()).isEqualTo(ReceiverConstraints.STANDARD);
        assertThat(quiet.constraints()).isEmpty();
        assertThat(quiet.onStageSources()).isEmpty();
        assertThat(floor.constraints()).containsOnlyKeys("wuzhong-v0");
        assertThat(floor.onStageSources()).containsExactly("wuzhong-v0");
    }

    @Test
    void isWrittenAsTheBridgesReceiverVideoConstraintsMessage() throws Exception {
        var message = ReceiverConstraints.forViewer(false, List.of("teacher-v0"), List.of());

        assertThat(new ObjectMapper().writeValueAsString(message)).isEqualTo("{\"colibriClass\":\"ReceiverVideoConstraints\","
                + "\"lastN\":-1,\"onStageSources\":[\"teacher-v0\"],\"defaultConstraints\":{\"maxHeight\":180},"
                + "\"constraints\":{\"teacher-v0\":{\"maxHeight\":720}}}");
    }
}
