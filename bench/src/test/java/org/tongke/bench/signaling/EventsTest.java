package org.tongke.bench.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventsTest {

    @Test
    void anEmittedLineReadsBackAsItsNameAndValuesInOrder() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Events(new PrintStream(bytes, true, StandardCharsets.UTF_8)).emit("result", "sent", 12, "errors",
                "RATE_LIMITED:3,BAD_MESSAGE:1");
        String line = bytes.toString(StandardCharsets.UTF_8).trim();
        assertThat(Events.name(line)).isEqualTo("result");
        assertThat(Events.values(line)).containsExactly(java.util.Map.entry("sent", "12"),
                java.util.Map.entry("errors", "RATE_LIMITED:3,BAD_MESSAGE:1"));
    }

    @Test
    void aLineWithoutTheMarkIsNoEvent() {
        assertThat(Events.name("listening 8443")).isNull();
        assertThat(Events.name("@ measure-start")).isEqualTo("measure-start");
    }
}
