package org.tongke.bench.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FramePeekTest {

    private static ByteBuf frame(String json) {
        return Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
    }

    @Test
    void readsTheStampBackFromAChatDeltaAsTheServerWritesIt() {
        String text = new FramePeek.Stamp(987654321012L, 417).text(64);
        ByteBuf delta = frame("{\"v\":1,\"type\":\"delta\",\"seq\":9,\"room\":\"bench-r1#1\",\"change\":{\"kind\":\"chat\","
                + "\"entry\":{\"session\":\"3f0c\",\"subject\":\"lead-1\",\"classroom\":null,\"text\":\"" + text
                + "\",\"at\":\"2026-11-22T23:59:00Z\"}}}");
        assertThat(text).hasSize(64);
        assertThat(FramePeek.stamp(delta)).isEqualTo(new FramePeek.Stamp(987654321012L, 417));
        assertThat(FramePeek.string(delta, "type")).isEqualTo("delta");
        assertThat(FramePeek.string(delta, "kind")).isEqualTo("chat");
    }

    @Test
    void findsNoStampInAnOrdinaryChatLineOrOtherMessages() {
        assertThat(FramePeek.stamp(frame("{\"entry\":{\"text\":\"hello class\"}}"))).isNull();
        assertThat(FramePeek.stamp(frame("{\"v\":1,\"type\":\"pong\",\"seq\":2,\"t\":5}"))).isNull();
        assertThat(FramePeek.stamp(frame("{\"text\":\"~12~3\"}"))).as("cut short").isNull();
        assertThat(FramePeek.stamp(frame("{\"text\":\"~12a~3~\"}"))).as("not a number").isNull();
    }

    @Test
    void readsAnErrorCodeAndNothingForAMissingField() {
        ByteBuf error = frame("{\"v\":1,\"type\":\"error\",\"seq\":4,\"code\":\"RATE_LIMITED\",\"message\":\"slow\",\"ref\":null}");
        assertThat(FramePeek.string(error, "code")).isEqualTo("RATE_LIMITED");
        assertThat(FramePeek.string(error, "kind")).isNull();
    }
}
