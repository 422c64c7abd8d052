package org.tongke.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.agent.capture.LessonFiles;
import org.tongke.agent.capture.LessonManifest;
import org.tongke.agent.schedule.Schedule;
import org.tongke.agent.schedule.ScheduleCache;
import org.tongke.agent.schedule.ScheduledLesson;
import org.tongke.agent.testing.Media;
import org.tongke.agent.upload.UploadJournal;

/**
 * The agent as its own process, killed with SIGKILL in the middle of a lesson and started again,
 * with neither the signaling server nor the recorder reachable: the cached schedule drives it.
 */
class CrashIT {
    static final String CLASSROOM = "wuzhong/lubo";
    static final String LESSON = "qt-01-sync#1@2021-11-24";

    @TempDir
    Path dir;

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    Path config() throws IOException {
        Files.writeString(dir.resolve("agent.token"), "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\n");
        int nobody = closedPort();
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, """
                classroom: wuzhong/lubo
                tokenFile: agent.token
                signaling: ws://127.0.0.1:%d/ws
                recorder: http://127.0.0.1:%d
                storage:
                  dir: store
                  minFree: 0
                recording:
                  preRoll: 0s
                  postRoll: 0s
                  segment: 2s
                sources:
                  - name: teacher
                    lavfi: testsrc2=size=320x240:rate=25
                """.formatted(nobody, nobody));
        return file;
    }

    Process agent(Path config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                AgentMain.class.getName(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    static List<Path> closed(Path sourceDir) throws IOException {
        if (!Files.isDirectory(sourceDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(sourceDir)) {
            return files.filter(p -> LessonFiles.indexOf(p).isPresent()).sorted().toList();
        }
    }

    static boolean hasPart(Path sourceDir) throws IOException {
        try (Stream<Path> files = Files.list(sourceDir)) {
            return files.anyMatch(p -> p.toString().endsWith(LessonFiles.PART));
        }
    }

    @Test
    void killedMidLessonItKeepsEveryClosedSegmentAndGoesOnAfterARestart() throws Exception {
        Path config = config();
        Path store = dir.resolve("store");
        Instant start = Instant.now().plusSeconds(3);
        new ScheduleCache(store, CLASSROOM).offer(new Schedule(CLASSROOM, 9, "Asia/Shanghai", List.of(
                new ScheduledLesson(LESSON, "数学", "吴中小学", "receiving", OffsetDateTime.ofInstant(start, ZoneOffset.ofHours(8)),
                        OffsetDateTime.ofInstant(start.plusSeconds(24), ZoneOffset.ofHours(8))))));
        Path source = LessonFiles.lessonDir(store, LESSON).resolve("teacher");
        Path log = dir.resolve("agent.log");

        Process first = agent(config, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (closed(source).size() < 3 || !hasPart(source)) {
            assertThat(System.nanoTime()).as("three segments closed and a fourth being written; log:%n%s",
                    Files.exists(log) ? Files.readString(log) : "").isLessThan(deadline);
            Thread.sleep(50);
        }
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<Path> beforeRestart = closed(source);
        assertThat(hasPart(source)).isTrue();
        for (Path p : beforeRestart) {
            assertThat(Media.duration(p)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.15));
            assertThat(Media.decodeErrors(p)).isEmpty();
        }

        Process second = agent(config, log);
        try {
            while (Instant.now().isBefore(start.plusSeconds(27))) {
                Thread.sleep(200);
            }
        } finally {
            second.destroy();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        List<Path> after = closed(source);
        assertThat(after).containsAll(beforeRestart);
        assertThat(after.size()).isGreaterThan(beforeRestart.size() + 2);
        assertThat(hasPart(source)).isFalse();
        for (Path p : after) {
            assertThat(Media.decodeErrors(p)).as(p.toString()).isEmpty();
            // The last one was finished by the stop, wherever in its 2 s the stop came.
            assertThat(Media.duration(p)).as(p.toString()).isGreaterThan(p.equals(after.get(after.size() - 1)) ? 0.0 : 0.5);
        }
        LessonManifest manifest = LessonManifest.open(LessonFiles.manifest(store, LESSON), ZoneId.of("Asia/Shanghai"),
                Instant.now());
        assertThat(manifest.ended()).isTrue();
        assertThat(manifest.segments("teacher")).isEqualTo(LessonFiles.indexOf(after.get(after.size() - 1)).getAsInt() + 1);
        assertThat(manifest.gaps("teacher")).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo("agent restarted");
            assertThat(Duration.between(g.from(), g.to())).isBetween(Duration.ZERO, Duration.ofSeconds(10));
        });
        // The upload queue kept every closed segment, those of before the kill included.
        try (UploadJournal journal = UploadJournal.open(store)) {
            assertThat(journal.segments()).extracting(s -> s.file()).containsExactlyInAnyOrderElementsOf(after);
            assertThat(journal.manifestsDue()).containsExactly(LESSON);
        }
    }
}
