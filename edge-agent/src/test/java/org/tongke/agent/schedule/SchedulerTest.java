package org.tongke.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.testing.SettableClock;

class SchedulerTest {
    static final String CLASSROOM = "wuzhong/lubo";
    static final OffsetDateTime START = OffsetDateTime.parse("2021-11-24T13:30:00+08:00");

    @TempDir
    Path dir;

    final SettableClock clock = new SettableClock(START.toInstant().minus(Duration.ofMinutes(10)));
    final List<String> log = new ArrayList<>();
    final Recordings recordings = new Recordings() {
        @Override
        public void start(Target target) {
            log.add("start " + target.lesson());
        }

        @Override
        public void stop() {
            log.add("stop");
        }
    };
    Scheduler scheduler;

    @BeforeEach
    void cachedScheduleOfTwoLessons() throws IOException {
        ScheduleCache cache = new ScheduleCache(dir, CLASSROOM);
        cache.offer(new Schedule(CLASSROOM, 5, "Asia/Shanghai", List.of(
                new ScheduledLesson("math#1@2021-11-24", "数学", "吴中小学", "receiving", START, START.plusMinutes(40)),
                new ScheduledLesson("music#1@2021-11-24", "音乐", "吴中小学", "receiving", START.plusMinutes(50),
                        START.plusMinutes(90)))));
        // A fresh cache object: the scheduler works from what is on disk, as after a restart with the link down.
        scheduler = new Scheduler(new ScheduleCache(dir, CLASSROOM), clock, Duration.ofMinutes(2), Duration.ofMinutes(3),
                CLASSROOM, recordings);
    }

    private void at(Duration sinceStart) {
        clock.set(START.toInstant().plus(sinceStart));
        scheduler.tick();
    }

    @Test
    void aLessonIsRecordedFromPreRollToPostRollByTheCachedSchedule() {
        at(Duration.ofMinutes(-3));
        assertThat(log).isEmpty();
        at(Duration.ofMinutes(-2));
        assertThat(log).containsExactly("start math#1@2021-11-24");
        at(Duration.ofMinutes(42));
        assertThat(log).containsExactly("start math#1@2021-11-24");
        at(Duration.ofMinutes(43));
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop");
        at(Duration.ofMinutes(48));
        at(Duration.ofMinutes(93));
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop", "start music#1@2021-11-24", "stop");
    }

    @Test
    void aStartAfterACrashMidLessonTakesTheLessonUpAgain() {
        at(Duration.ofMinutes(20));
        assertThat(log).containsExactly("start math#1@2021-11-24");
        assertThat(scheduler.running()).get().extracting(Target::until)
                .isEqualTo(START.plusMinutes(43).toInstant());
    }

    @Test
    void stopNowEndsTheLessonForGoodAndStartNowRecordsForItsMinutes() {
        at(Duration.ofMinutes(1));
        assertThat(scheduler.stopNow()).contains("math#1@2021-11-24");
        at(Duration.ofMinutes(2));
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop");

        String id = scheduler.startNow(5, null);
        assertThat(id).isEqualTo("adhoc-wuzhong-lubo-20211124T053200");
        at(Duration.ofMinutes(6));
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop", "start " + id);
        at(Duration.ofMinutes(7));
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop", "start " + id, "stop");
        assertThat(scheduler.running()).isEmpty();
    }

    @Test
    void aLessonTheLeadTeacherStartsEarlyIsRecordedAtOnceAndTheEndLessonStopsItBeforeItsEnd() {
        at(Duration.ofMinutes(-8));
        assertThat(log).isEmpty();
        scheduler.lessonLive("math#1@2021-11-24");
        assertThat(log).containsExactly("start math#1@2021-11-24");
        assertThat(scheduler.running()).get().extracting(Target::until).isEqualTo(START.plusMinutes(43).toInstant());
        at(Duration.ofMinutes(30));
        scheduler.lessonEnded("math#1@2021-11-24");
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop");
        // Still within its scheduled time: an ended lesson is not taken up again, nor live again.
        at(Duration.ofMinutes(31));
        scheduler.lessonLive("math#1@2021-11-24");
        at(Duration.ofMinutes(32));
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop");
        assertThat(scheduler.running()).isEmpty();
        // The next lesson still starts by the schedule.
        at(Duration.ofMinutes(48));
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop", "start music#1@2021-11-24");
    }

    @Test
    void aLessonStillLiveAfterItsEndIsRecordedUntilTheEndLessonOrTheOverrunLimit() {
        Scheduler overrunning = new Scheduler(new ScheduleCache(dir, CLASSROOM), clock, Duration.ofMinutes(2),
                Duration.ofMinutes(3), Duration.ofMinutes(30), CLASSROOM, recordings);
        clock.set(START.toInstant());
        overrunning.tick();
        overrunning.lessonLive("math#1@2021-11-24");
        // The teacher runs 20 minutes over: past the post-roll, into the music lesson's time.
        clock.set(START.plusMinutes(60).toInstant());
        overrunning.tick();
        assertThat(log).containsExactly("start math#1@2021-11-24");
        assertThat(overrunning.rooms(clock.instant(), Duration.ofMinutes(10))).contains("math#1@2021-11-24");
        overrunning.lessonEnded("math#1@2021-11-24");
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop", "start music#1@2021-11-24");

        // Never ended (the link dropped): the schedule wins after the overrun limit.
        log.clear();
        clock.set(START.plusMinutes(50).toInstant());
        overrunning.lessonLive("music#1@2021-11-24");
        clock.set(START.plusMinutes(90 + 3 + 29).toInstant());
        overrunning.tick();
        assertThat(log).isEmpty();
        clock.set(START.plusMinutes(90 + 3 + 30).toInstant());
        overrunning.tick();
        assertThat(log).containsExactly("stop");
    }

    @Test
    void ofTwoLessonsLiveAtOnceTheOneStartedLastIsRecorded() {
        Scheduler overrunning = new Scheduler(new ScheduleCache(dir, CLASSROOM), clock, Duration.ofMinutes(2),
                Duration.ofMinutes(3), Duration.ofMinutes(30), CLASSROOM, recordings);
        clock.set(START.toInstant());
        overrunning.lessonLive("math#1@2021-11-24");
        clock.set(START.plusMinutes(50).toInstant());
        overrunning.tick();
        // The math teacher never ended; the music teacher starts hers.
        overrunning.lessonLive("music#1@2021-11-24");
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop", "start music#1@2021-11-24");
        clock.set(START.plusMinutes(51).toInstant());
        overrunning.tick();
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop", "start music#1@2021-11-24");
    }

    @Test
    void theNextLessonStartedByItsTeacherWinsOverThePostRollOfTheOneBefore() {
        at(Duration.ofMinutes(41));
        assertThat(log).containsExactly("start math#1@2021-11-24");
        scheduler.lessonLive("music#1@2021-11-24");
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop", "start music#1@2021-11-24");
        at(Duration.ofMinutes(42));
        assertThat(log).containsExactly("start math#1@2021-11-24", "stop", "start music#1@2021-11-24");
    }

    @Test
    void theRoomsToBeInRunFromTheJoinLeadToThePostRollUnlessTheLessonEnded() {
        Duration lead = Duration.ofMinutes(10);
        assertThat(scheduler.rooms(START.toInstant().minus(Duration.ofMinutes(11)), lead)).isEmpty();
        assertThat(scheduler.rooms(START.toInstant().minus(Duration.ofMinutes(10)), lead)).containsExactly("math#1@2021-11-24");
        // Back to back: the next lesson's room is joined while the first's post-roll runs.
        assertThat(scheduler.rooms(START.plusMinutes(42).toInstant(), lead))
                .containsExactly("math#1@2021-11-24", "music#1@2021-11-24");
        assertThat(scheduler.rooms(START.plusMinutes(43).toInstant(), lead)).containsExactly("music#1@2021-11-24");
        // A pre-roll longer than the lead comes first.
        assertThat(scheduler.rooms(START.toInstant().minus(Duration.ofMinutes(2)), Duration.ofMinutes(1)))
                .containsExactly("math#1@2021-11-24");

        at(Duration.ofMinutes(5));
        scheduler.lessonEnded("math#1@2021-11-24");
        assertThat(scheduler.rooms(START.plusMinutes(6).toInstant(), lead)).isEmpty();
        assertThat(scheduler.rooms(START.plusMinutes(42).toInstant(), lead)).containsExactly("music#1@2021-11-24");
    }

    @Test
    void nothingIsRecordedWithoutASchedule() {
        Scheduler empty = new Scheduler(new ScheduleCache(dir.resolve("none"), CLASSROOM), clock, Duration.ZERO,
                Duration.ZERO, CLASSROOM, recordings);
        clock.set(START.toInstant().plusSeconds(60));
        empty.tick();
        assertThat(log).isEmpty();
        assertThat(empty.due(Instant.EPOCH)).isEmpty();
    }
}
