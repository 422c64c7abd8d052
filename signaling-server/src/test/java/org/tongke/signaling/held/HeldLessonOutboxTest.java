package org.tongke.signaling.held;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.recorder.held.HeldLesson;
import org.tongke.recorder.held.HeldLessonJson;
import org.tongke.signaling.room.AttendanceReport;
import org.tongke.signaling.room.LessonRun;

/** The outbox's retries and bound, and its reports as the recorder reads them. */
class HeldLessonOutboxTest {
    private static final byte[] SECRET = "a-unit-test-secret-of-more-than-32-bytes".getBytes(StandardCharsets.UTF_8);
    private static final LessonRun RUN = new LessonRun("c1-math#1@2021-09-06", "数学",
            Instant.parse("2021-09-06T05:30:00Z"), Instant.parse("2021-09-06T06:10:00Z"), LessonRun.ENDED, "chengxi/lubo",
            List.of("chengxi/lubo", "zhenbu/lubo"), Map.of("zhenbu/lubo", new AttendanceReport(28, 30, "2021-09-06T05:31:00Z")));

    @Test
    void theRecorderReadsTheReportAsTheRoomSawTheLesson() {
        byte[] body = HeldLessonCodec.encode(HeldLessonReport.of(RUN, "sig-a"));

        HeldLesson read = HeldLessonJson.read(RUN.room(), new String(body, StandardCharsets.UTF_8));

        assertThat(read.startedAt()).isEqualTo(RUN.startedAt());
        assertThat(read.endedAt()).isEqualTo(RUN.endedAt());
        assertThat(read.ending()).isEqualTo(HeldLesson.Ending.ENDED);
        assertThat(read.node()).isEqualTo("sig-a");
        assertThat(read.classrooms()).containsExactly(new HeldLesson.Classroom("chengxi/lubo", true, null, null),
                new HeldLesson.Classroom("zhenbu/lubo", false, 28, 30));
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLongestWait() {
        RecorderLink link = RecorderLink.of("http://127.0.0.1:9/", SECRET)
                .withRetry(Duration.ofMillis(100), Duration.ofMillis(400));
        try (HeldLessonOutbox outbox = HeldLessonOutbox.start(link, () -> Optional.of("tiny"), "sig-a", Clock.systemUTC())) {
            assertThat(List.of(1, 2, 3, 4, 30).stream().map(outbox::backoff).map(Duration::toMillis))
                    .containsExactly(100L, 200L, 400L, 400L, 400L);
        }
    }

    @Test
    void aFullOutboxDropsItsOldestReportAndCountsItFailed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RecorderLink link = new RecorderLink(URI.create("http://127.0.0.1:" + port + "/"), SECRET, Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1, null);
        try (HeldLessonOutbox outbox = HeldLessonOutbox.start(link, () -> Optional.of("tiny"), "sig-a", Clock.systemUTC())) {
            outbox.ended(RUN);
            outbox.ended(new LessonRun("c1-math#1@2021-09-13", "数学", RUN.startedAt().plus(Duration.ofDays(7)),
                    RUN.endedAt().plus(Duration.ofDays(7)), LessonRun.ENDED, null, List.of(), Map.of()));

            assertThat(outbox.pending()).isEqualTo(1);
            assertThat(outbox.failed()).isEqualTo(1);
            assertThat(outbox.prometheus()).contains("tongke_signaling_held_lessons_failed_total 1\n",
                    "tongke_signaling_held_lessons_pending 1\n", "tongke_signaling_held_lessons_posted_total 0\n");
        }
    }

    @Test
    void reportsWaitingInTheSpoolAreThereAfterARestartAndADroppedOneLeavesNoFile(@TempDir Path spool) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RecorderLink link = new RecorderLink(URI.create("http://127.0.0.1:" + port + "/"), SECRET, Duration.ofSeconds(5),
                Duration.ofSeconds(5), 2, spool);
        LessonRun second = new LessonRun("c1-math#1@2021-09-13", "数学", RUN.startedAt().plus(Duration.ofDays(7)),
                RUN.endedAt().plus(Duration.ofDays(7)), LessonRun.ENDED, null, List.of(), Map.of());
        try (HeldLessonOutbox outbox = HeldLessonOutbox.start(link, () -> Optional.of("tiny"), "sig-a", Clock.systemUTC())) {
            outbox.ended(RUN);
            outbox.ended(second);
        }
        assertThat(jsonFiles(spool)).hasSize(2);

        try (HeldLessonOutbox restarted = HeldLessonOutbox.start(link, () -> Optional.of("tiny"), "sig-a",
                Clock.systemUTC())) {
            assertThat(restarted.pending()).as("both reports, read back after the restart").isEqualTo(2);
            restarted.ended(new LessonRun("c1-math#1@2021-09-20", "数学", RUN.startedAt().plus(Duration.ofDays(14)),
                    RUN.endedAt().plus(Duration.ofDays(14)), LessonRun.ENDED, null, List.of(), Map.of()));
        }
        List<String> left = new java.util.ArrayList<>();
        for (Path file : jsonFiles(spool)) {
            left.add(HeldLessonSpool.decode(Files.readAllBytes(file)).lesson());
        }
        assertThat(left).as("the oldest, dropped from the full outbox, left no file")
                .containsExactly("c1-math#1@2021-09-13", "c1-math#1@2021-09-20");
    }

    @Test
    void aSpooledReportReadsBackWholeAndAnUnreadableFileIsSetAside(@TempDir Path dir) throws Exception {
        HeldLessonSpool spool = new HeldLessonSpool(dir);
        HeldLessonReport report = HeldLessonReport.of(RUN, "sig-a");
        spool.save(report);
        Files.writeString(dir.resolve("0000000000001-000001.json"), "{\"type\": \"held-lesson\", \"lesson\": 3");

        List<HeldLessonSpool.Spooled> back = new HeldLessonSpool(dir).load();

        assertThat(back).extracting(HeldLessonSpool.Spooled::report).containsExactly(new HeldLessonReport(report.lesson(),
                report.startedAt(), report.endedAt(), report.ending(), report.node(), List.of(
                        new HeldLessonReport.Classroom("chengxi/lubo", true, null),
                        new HeldLessonReport.Classroom("zhenbu/lubo", false, new AttendanceReport(28, 30, null)))));
        assertThat(dir.resolve("0000000000001-000001.json.bad")).exists();
        assertThat(dir.resolve("0000000000001-000001.json")).doesNotExist();
    }

    private static List<Path> jsonFiles(Path dir) throws java.io.IOException {
        try (var listing = Files.list(dir)) {
            return listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void theRecordersAddressMustBeHttp() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> RecorderLink.of("ftp://x/", SECRET)))
                .hasMessageContaining("--recorder ftp://x/ must be the recorder's HTTP address");
        assertThat(RecorderLink.of("http://10.0.0.7:8082", SECRET).heldUri("c1-math#1@2021-09-06"))
                .hasToString("http://10.0.0.7:8082/api/lessons/c1-math%231%402021-09-06/held");
    }
}
