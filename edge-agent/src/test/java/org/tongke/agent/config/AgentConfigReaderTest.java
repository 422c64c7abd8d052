package org.tongke.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.diagnostic.Problem;

class AgentConfigReaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Files.writeString(dir.resolve("agent.token"), "aaa.bbb.ccc\n");
        Files.writeString(dir.resolve("lesson.mp4"), "not really a film");
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void everyKeyIsReadIntoTheConfiguration() throws IOException {
        Path file = write("""
                classroom: wuzhong/lubo
                tokenFile: agent.token
                signaling: ws://127.0.0.1:8443/ws
                recorder: http://127.0.0.1:8080
                timeZone: Asia/Shanghai
                storage:
                  dir: data
                  minFree: 2GB
                  maxSize: 50GB
                  keepConfirmed: 3d
                recording:
                  preRoll: 1m
                  postRoll: 5m
                  segment: 4s
                  format: mp4
                sources:
                  - name: teacher
                    rtsp: rtsp://192.168.1.10/stream1
                  - name: students
                    v4l2: /dev/video0
                    alsa: hw:1,0
                    size: 1920x1080
                    fps: 30
                  - name: screen
                    file: lesson.mp4
                    loop: true
                  - name: demo
                    lavfi: testsrc2=size=640x360:rate=25
                    audio: sine=frequency=440
                    text: 同课 demo
                upload:
                  chunk: 256KB
                  caps:
                    - from: "07:30"
                      to: "17:30"
                      days: [monday, tuesday, wednesday, thursday, friday]
                      kbps: 2000
                """);
        AgentConfigReader.Result result = AgentConfigReader.read(file);
        assertThat(result.problems().errors()).isEmpty();
        AgentConfig c = result.config().orElseThrow();
        assertThat(c.classroom()).isEqualTo("wuzhong/lubo");
        assertThat(c.token()).isEqualTo("aaa.bbb.ccc");
        assertThat(c.signaling().toString()).isEqualTo("ws://127.0.0.1:8443/ws");
        assertThat(c.storage().dir()).isEqualTo(dir.resolve("data"));
        assertThat(c.storage().minFreeBytes()).isEqualTo(2L << 30);
        assertThat(c.storage().maxBytes()).isEqualTo(50L << 30);
        assertThat(c.storage().keepConfirmed()).isEqualTo(Duration.ofDays(3));
        assertThat(c.recording()).isEqualTo(new AgentConfig.Recording(Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofSeconds(4), "mp4"));
        assertThat(c.sources()).containsExactly(
                new SourceSpec.Rtsp("teacher", "rtsp://192.168.1.10/stream1"),
                new SourceSpec.V4l2("students", "/dev/video0", SourceSpec.AudioSystem.ALSA, "hw:1,0", "1920x1080", 30),
                new SourceSpec.MediaFile("screen", dir.resolve("lesson.mp4").toString(), true),
                new SourceSpec.Lavfi("demo", "testsrc2=size=640x360:rate=25", "sine=frequency=440", "同课 demo"));
        assertThat(c.upload().chunkBytes()).isEqualTo(256 * 1024);
        UploadCap cap = c.upload().caps().get(0);
        assertThat(cap.bitsPerSecond()).isEqualTo(2_000_000L);
        assertThat(UploadCap.rateAt(c.upload().caps(), DayOfWeek.MONDAY, LocalTime.of(9, 0))).isEqualTo(2_000_000L);
        assertThat(UploadCap.rateAt(c.upload().caps(), DayOfWeek.SUNDAY, LocalTime.of(9, 0))).isEqualTo(Long.MAX_VALUE);
        assertThat(UploadCap.rateAt(c.upload().caps(), DayOfWeek.MONDAY, LocalTime.of(18, 0))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void defaultsFillWhatIsLeftOut() throws IOException {
        Path file = write("""
                classroom: wuzhong/lubo
                tokenFile: agent.token
                signaling: wss://signal.example.org/ws
                recorder: https://recorder.example.org
                storage: {dir: /var/lib/tongke-agent}
                sources:
                  - {name: teacher, lavfi: testsrc2}
                """);
        AgentConfig c = AgentConfigReader.read(file).config().orElseThrow();
        assertThat(c.recording().segment()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.recording().format()).isEqualTo("mp4");
        assertThat(c.recording().preRoll()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.upload().chunkBytes()).isEqualTo(256 * 1024);
        assertThat(c.upload().caps()).isEmpty();
        assertThat(c.storage().maxBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(c.timeZone().getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void everyMistakeIsNamedByFileLineAndField() throws IOException {
        Path file = write("""
                classroom: Wuzhong
                tokenFile: missing.token
                signaling: http://127.0.0.1/ws
                recorder: http://127.0.0.1:8080
                storage:
                  dir: data
                  minFree: lots
                recording:
                  segment: 0s
                  format: avi
                sources:
                  - name: teacher
                    rtsp: rtsp://cam/1
                    lavfi: testsrc2
                  - name: teacher
                    v4l2: video0
                  - name: screen
                    fil: lesson.mp4
                upload:
                  caps:
                    - {from: "07:30", to: "7:30", kbps: 2}
                colour: blue
                """);
        AgentConfigReader.Result result = AgentConfigReader.read(file);
        assertThat(result.config()).isEmpty();
        List<String> errors = result.problems().errors().stream().map(Problem::toString).toList();
        String f = file.toString();
        assertThat(errors).contains(
                f + ":1 classroom: 'Wuzhong' is not SCHOOL/ROOM (lower-case ids, like wuzhong/lubo)",
                f + ":3 signaling: 'http://127.0.0.1/ws' is not a ws or wss URL with a host",
                f + ":7 storage.minFree: 'lots' is not a size (like 512KB, 2GB)",
                f + ":9 recording.segment: '0s' is out of range (PT1S to PT10M)",
                f + ":10 recording.format: 'avi' is not mpegts or mp4 (fragmented)",
                f + ":12 sources[0]: a source is one of rtsp, v4l2, file, lavfi, not rtsp and lavfi",
                f + ":15 sources[1].name: source 'teacher' is named twice (first on line 12)",
                f + ":16 sources[1].v4l2: 'video0' is not a device path (like /dev/video0)",
                f + ":17 sources[2]: a source needs one of rtsp, v4l2, file, lavfi",
                f + ":21 upload.caps[0].to: a cap ends when it starts (07:30)",
                f + ":21 upload.caps[0].kbps: 2 is out of range (8 to 10000000)",
                f + ":22 colour: unknown key");
        assertThat(errors).anyMatch(e -> e.startsWith(f + ":2 tokenFile: cannot read "));
    }
}
