package org.tongke.signaling.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiverConstraintsTest {
    @Test
    void ruralRoomsReceiveTheTeacherAndTheFloorInHighQualityAndEachOtherLow() {
        var message = ReceiverConstraints.forViewer(false, "teacher-v0", "wuzhong-v0");

        assertThat(message.path("colibriClass").asText()).isEqualTo("ReceiverVideoConstraints");
        assertThat(message.path("defaultConstraints").path("maxHeight").asInt()).isEqualTo(ReceiverConstraints.LOW);
        assertThat(message.path("constraints").path("teacher-v0").path("maxHeight").asInt()).isEqualTo(720);
        assertThat(message.path("constraints").path("wuzhong-v0").path("maxHeight").asInt()).isEqualTo(720);
        assertThat(message.path("onStageSources").toString()).isEqualTo("[\"teacher-v0\",\"wuzhong-v0\"]");
    }

    @Test
    void theLeadTeacherSeesEveryRuralRoomInStandardQualityAndTheFloorHigh() {
        var message = ReceiverConstraints.forViewer(true, "teacher-v0", null);

        assertThat(message.path("defaultConstraints").path("maxHeight").asInt()).isEqualTo(ReceiverConstraints.STANDARD);
        assertThat(message.path("constraints").size()).isZero();
        assertThat(message.path("onStageSources").size()).isZero();
    }
}
