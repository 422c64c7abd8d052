package org.tongke.agent.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.config.SourceSpec;
import org.tongke.agent.schedule.Schedule;
import org.tongke.agent.schedule.ScheduleCache;
import org.tongke.agent.schedule.ScheduledLesson;
import org.tongke.agent.schedule.Scheduler;
import org.tongke.agent.schedule.Target;
import org.tongke.agent.testing.Media;

/** Real recordings of real FFmpeg sources, checked with ffprobe. */
class RecordingTest {
    static final String CLASSROOM = "wuzhong/lubo";

    @TempDir
    Path dir;

    final List<String> closed = new CopyOnWriteArrayList<>();
    final List<String> ended = new CopyOnWriteArrayList<>();
    final SegmentListener listener = new SegmentListener() {
        @Override
        public void segmentClosed(String lesson, String source, int index, Path file, Instant closedAt) {
            closed.add(source + "/" + file.getFileName());
        }

        @Override
        public void lessonEnded(String lesson, Path manifest) {
            ended.add(lesson);
        }
    };

    AgentConfig config(List<SourceSpec> sources, Duration segment, String format) {
        return new AgentConfig(CLASSROOM, "a.b.c", java.net.URI.create("ws://127.0.0.1:1/ws"),
                java.net.URI.create("http://127.0.0.1:1"), ZoneId.of("Asia/Shanghai"), sources,
                new AgentConfig.Storage(dir.resolve("store"), 0, Long.MAX_VALUE, Duration.ofDays(1)),
                new AgentConfig.Recording(Duration.ZERO, Duration.ZERO, segment, format),
                new AgentConfig.Upload(1 << 20, List.of()));
    }

    static List<Path> segments(Path sourceDir) throws IOException {
        try (Stream<Path> files = Files.list(sourceDir)) {
            return files.filter(p -> LessonFiles.indexOf(p).isPresent()).sorted().toList();
        }
    }

    @Test
    void aTestSourceScheduledToStartInAFewSecondsIsRecordedInSegmentsOfTheRightDuration() throws Exception {
        AgentConfig config = config(List.of(new SourceSpec.Lavfi("teacher", "testsrc2=size=320x240:rate=25", 
                "sine=frequency=440:sample_rate=48000", "同课 test")), Duration.ofSeconds(2), "mpegts");
        Instant start = Instant.now().plusSeconds(2);
        String lesson = "qt-01-sync#1@2021-11-24";
        ScheduleCache cache = new ScheduleCache(config.storage().dir(), CLASSROOM);
        cache.offer(new Schedule(CLASSROOM, 3, "Asia/Shanghai", List.of(new ScheduledLesson(lesson, "数学", "吴中小学",
                "receiving", OffsetDateTime.ofInstant(start, ZoneOffset.ofHours(8)),
                OffsetDateTime.ofInstant(start.plusSeconds(8), ZoneOffset.ofHours(8))))));
        ClassroomRecorder recorder = new ClassroomRecorder(config, listener, Clock.systemUTC(), "ultrafast");
        Scheduler scheduler = new Scheduler(cache, Clock.systemUTC(), Duration.ZERO, Duration.ZERO, CLASSROOM, recorder);

        Instant startedAt = null;
        while (Instant.now().isBefore(start.plusSeconds(10))) {
            scheduler.tick();
            if (startedAt == null && recorder.lesson() != null) {
                startedAt = Instant.now();
            }
            Thread.sleep(100);
        }
        assertThat(startedAt).isBetween(start, start.plusMillis(500));
        assertThat(ended).containsExactly(lesson);

        Path source = LessonFiles.lessonDir(config.storage().dir(), lesson).resolve("teacher");
        List<Path> files = segments(source);
        assertThat(files).extracting(p -> p.getFileName().toString()).startsWith("000000.ts", "000001.ts");
        assertThat(files.size()).isBetween(3, 5);
        for (Path full : files.subList(0, files.size() - 1)) {
            JsonNode probe = Media.probe(full);
            assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.15));
            assertThat(probe.path("streams")).extracting(s -> s.path("codec_name").asText()).containsExactlyInAnyOrder("h264", "aac");
            assertThat(Media.decodeErrors(full)).isEmpty();
        }
        try (Stream<Path> all = Files.list(source)) {
            assertThat(all.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
        assertThat(closed).hasSize(files.size());
        LessonManifest manifest = LessonManifest.open(LessonFiles.manifest(config.storage().dir(), lesson),
                ZoneId.of("Asia/Shanghai"), Instant.now());
        assertThat(manifest.segments("teacher")).isEqualTo(files.size());
        assertThat(manifest.gaps("teacher")).isEmpty();
        assertThat(manifest.ended()).isTrue();
    }

    @Test
    void anH264SourceIsCopiedAsItComesNotEncodedAgain() throws Exception {
        Path input = dir.resolve("camera.ts");
        // Baseline profile: the agent's own encoder would write High, so the profile shows the packets were copied.
        Media.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=300",
                "-t", "5", "-c:v", "libx264", "-profile:v", "baseline", "-g", "25", "-c:a", "aac", input.toString());
        AgentConfig config = config(List.of(new SourceSpec.MediaFile("screen", input.toString(), false)),
                Duration.ofSeconds(2), "mpegts");
        ClassroomRecorder recorder = new ClassroomRecorder(config, listener, Clock.systemUTC(), "ultrafast");
        recorder.start(new Target("copy#1@2021-11-24", Instant.now().plusSeconds(60), true));
        Path source = LessonFiles.lessonDir(config.storage().dir(), "copy#1@2021-11-24").resolve("screen");
        long deadline = System.currentTimeMillis() + 15_000;
        while (closed.size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        recorder.stop();
        List<Path> files = segments(source);
        assertThat(files).hasSize(3);
        double total = 0;
        for (Path f : files) {
            JsonNode probe = Media.probe(f);
            JsonNode video = probe.path("streams").get(0).path("codec_type").asText().equals("video")
                    ? probe.path("streams").get(0) : probe.path("streams").get(1);
            assertThat(video.path("profile").asText()).isEqualTo("Constrained Baseline");
            total += probe.path("format").path("duration").asDouble();
        }
        // Each MPEG-TS segment's duration spans its audio too, which overhangs the video a little.
        assertThat(total).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.6));
        assertThat(Media.duration(files.get(0))).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void fragmentedMp4SegmentsPlayWhole() throws Exception {
        AgentConfig config = config(List.of(new SourceSpec.Lavfi("students", "testsrc2=size=320x240:rate=25",
                "sine=frequency=330:sample_rate=48000", null)), Duration.ofSeconds(2), "mp4");
        ClassroomRecorder recorder = new ClassroomRecorder(config, listener, Clock.systemUTC(), "ultrafast");
        recorder.start(new Target("mp4#1@2021-11-24", Instant.now().plusSeconds(60), true));
        long deadline = System.currentTimeMillis() + 15_000;
        while (closed.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        recorder.stop();
        List<Path> files = segments(LessonFiles.lessonDir(config.storage().dir(), "mp4#1@2021-11-24").resolve("students"));
        assertThat(files).extracting(p -> p.getFileName().toString()).startsWith("000000.mp4", "000001.mp4");
        for (Path f : files.subList(0, 2)) {
            JsonNode probe = Media.probe(f);
            assertThat(probe.path("format").path("format_name").asText()).contains("mp4");
            assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.15));
            assertThat(Media.decodeErrors(f)).isEmpty();
        }
    }

    @Test
    void aSourceThatFailsIsReopenedWithItsGapInTheManifestWhileTheOthersGoOn() throws Exception {
        AgentConfig config = config(List.of(new SourceSpec.Lavfi("teacher", "testsrc2=size=320x240:rate=25", null, null),
                new SourceSpec.V4l2("students", "/dev/video-unplugged", SourceSpec.AudioSystem.NONE, null, "320x240", 25)),
                Duration.ofSeconds(1), "mpegts");
        ClassroomRecorder recorder = new ClassroomRecorder(config, listener, Clock.systemUTC(), "ultrafast");
        Instant before = Instant.now();
        recorder.start(new Target("fail#1@2021-11-24", Instant.now().plusSeconds(60), true));
        long deadline = System.currentTimeMillis() + 15_000;
        while (closed.size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        var health = recorder.health();
        assertThat(health.get(0).state()).isEqualTo("recording");
        assertThat(health.get(0).fps()).isGreaterThan(10);
        assertThat(health.get(1).state()).isEqualTo("reopening");
        assertThat(health.get(1).error()).isNotBlank();
        recorder.stop();
        Instant after = Instant.now();

        assertThat(closed).allMatch(c -> c.startsWith("teacher/")).hasSizeGreaterThanOrEqualTo(3);
        LessonManifest manifest = LessonManifest.open(LessonFiles.manifest(config.storage().dir(), "fail#1@2021-11-24"),
                ZoneId.of("Asia/Shanghai"), Instant.now());
        assertThat(manifest.gaps("teacher")).isEmpty();
        assertThat(manifest.segments("students")).isZero();
        assertThat(manifest.gaps("students")).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo("source reopened");
            assertThat(g.from()).isBetween(before.minusSeconds(1), after);
            assertThat(g.to()).isBetween(g.from(), after.plusSeconds(1));
        });
    }
}
