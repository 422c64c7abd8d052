package org.tongke.signaling.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.config.testing.SettableClock;

/** What a room tells its listener when a lesson that ran ends, and when it tells nothing. */
class LessonRunTest {
    static final String HOST = "chengxi/lubo";
    static final String A = "zhenbu/lubo";
    static final String B = "shankou/lubo";

    /** Beijing 13:25; the lesson is 13:30 to 14:10, its room kept until 14:25. */
    private final SettableClock clock = new SettableClock(Instant.parse("2021-09-06T05:25:00Z"));
    private final List<LessonRun> runs = new ArrayList<>();
    private final InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(clock, 10, false, runs::add);

    private Room timetableRoom() {
        return rooms.open("c1-math#1@2021-09-06", "数学", List.of(HOST, A, B), HOST, Instant.parse("2021-09-06T06:25:00Z"));
    }

    private static RoomTest.Recorder member(String session, String role, String classroom) {
        return new RoomTest.Recorder(new Participant(session, role, session + "-person", classroom));
    }

    @Test
    void aLessonTheLeadTeacherStartsAndEndsIsToldWithItsTimesClassroomsAndAttendance() {
        Room room = timetableRoom();
        room.join(member("lead", "lead-teacher", null));
        room.join(member("a", "assistant-teacher", A));
        room.join(member("staff", "staff", null));
        room.join(member("b", "assistant-teacher", B));
        room.leave("b", "left");
        clock.set(Instant.parse("2021-09-06T05:30:00Z"));
        room.startLesson("lead");
        room.attendance("a", 28, 30);
        clock.set(Instant.parse("2021-09-06T05:40:00Z"));
        room.join(member("host-agent", "classroom-agent", HOST));
        clock.set(Instant.parse("2021-09-06T06:10:00Z"));

        room.endLesson("lead");

        assertThat(runs).hasSize(1);
        LessonRun run = runs.get(0);
        assertThat(run.room()).isEqualTo("c1-math#1@2021-09-06");
        assertThat(run.startedAt()).isEqualTo(Instant.parse("2021-09-06T05:30:00Z"));
        assertThat(run.endedAt()).isEqualTo(Instant.parse("2021-09-06T06:10:00Z"));
        assertThat(run.ending()).isEqualTo(LessonRun.ENDED);
        assertThat(run.host()).isEqualTo(HOST);
        assertThat(run.present()).as("the lead teacher stands for the host; B left before the start; staff are no classroom")
                .containsExactly(HOST, A);
        assertThat(run.attendance().get(A).present()).isEqualTo(28);
    }

    @Test
    void aLessonCarriedOnByAnotherNodeIsToldWithItsRealStartAndEveryClassroomPresent() {
        Room room = timetableRoom();
        room.join(member("lead", "lead-teacher", null));
        room.join(member("b", "assistant-teacher", B));
        clock.set(Instant.parse("2021-09-06T05:30:00Z"));
        room.startLesson("lead");
        room.leave("b", "left");
        clock.set(Instant.parse("2021-09-06T05:50:00Z"));

        List<LessonRun> elsewhere = new ArrayList<>();
        InMemoryRoomRegistry other = new InMemoryRoomRegistry(clock, 10, false, elsewhere::add);
        Room carried = Room.restore(room.state(), Instant.parse("2021-09-06T06:25:00Z"), clock, false,
                List.of(member("lead", "lead-teacher", null)), java.util.Map.of(), room.lessonRecord());
        other.adopt(carried);
        clock.set(Instant.parse("2021-09-06T06:10:00Z"));
        carried.endLesson("lead");

        assertThat(elsewhere).hasSize(1);
        assertThat(elsewhere.get(0).startedAt()).isEqualTo(Instant.parse("2021-09-06T05:30:00Z"));
        assertThat(elsewhere.get(0).present()).as("B was in the lesson on the first node").containsExactly(HOST, B);
    }

    @Test
    void aLessonEndedWithoutEverStartingIsNotTold() {
        Room room = timetableRoom();
        room.join(member("lead", "lead-teacher", null));

        room.endLesson("lead");

        assertThat(runs).isEmpty();
    }

    @Test
    void aRoomOfTheTimetableClosedAfterItsTimeWithTheLessonLiveEndsIt() {
        Room room = timetableRoom();
        room.join(member("lead", "lead-teacher", null));
        room.join(member("a", "assistant-teacher", A));
        room.startLesson("lead");
        room.leave("a", "left");
        room.leave("lead", "left");
        rooms.removeIfEmpty(room);
        assertThat(runs).as("still within its time: the room stays open, the lesson live").isEmpty();

        clock.advance(Duration.ofHours(1));
        rooms.removeIfEmpty(room);

        assertThat(rooms.find(room.id())).isEmpty();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.ending()).isEqualTo(LessonRun.ROOM_CLOSED);
            assertThat(run.endedAt()).isEqualTo(Instant.parse("2021-09-06T06:25:00Z"));
            assertThat(run.present()).containsExactly(HOST, A);
        });
    }

    @Test
    void anAdHocRoomLeftEmptyTellsNothingAndAnEndedLessonIsToldOnce() {
        Room adHoc = rooms.open("c1-art#1", "美术", List.of(A));
        adHoc.join(member("lead", "lead-teacher", null));
        adHoc.startLesson("lead");
        adHoc.leave("lead", "left");
        rooms.removeIfEmpty(adHoc);
        Room room = timetableRoom();
        room.join(member("lead", "lead-teacher", null));
        room.startLesson("lead");
        room.endLesson("lead");
        room.leave("lead", "left");
        clock.advance(Duration.ofHours(2));
        rooms.removeIfEmpty(room);

        assertThat(runs).extracting(LessonRun::ending).containsExactly(LessonRun.ENDED);
    }

}
