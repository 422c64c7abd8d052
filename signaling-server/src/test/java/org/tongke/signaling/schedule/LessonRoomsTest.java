package org.tongke.signaling.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.config.testing.SettableClock;
import org.tongke.signaling.room.InMemoryRoomRegistry;
import org.tongke.signaling.room.Member;
import org.tongke.signaling.room.Participant;
import org.tongke.signaling.room.Room;
import org.tongke.signaling.room.RoomChange;
import org.tongke.signaling.room.RoomState;

class LessonRoomsTest {
    static final String LESSON = "c1-math#1@2021-11-24";

    /** 13:30-14:10 in Beijing is 05:30-06:10 UTC. */
    private final SettableClock clock = new SettableClock(Instant.parse("2021-11-24T05:19:00Z"));
    private final Timetable timetable = new Timetable(clock, null);
    private final InMemoryRoomRegistry rooms = new InMemoryRoomRegistry(clock, 10);
    private final LessonRooms lessonRooms = new LessonRooms(timetable, rooms, clock, Duration.ofMinutes(10),
            Duration.ofMinutes(15));

    LessonRoomsTest() {
        timetable.replace(TimetableTest.plan(TestPlans.occurrence("c1-math#1", "2021-11-24", "13:30", "14:10")));
    }

    private void at(String utc) {
        clock.set(Instant.parse(utc));
        lessonRooms.tick();
    }

    @Test
    void theRoomOpensTenMinutesBeforeTheLessonWithItsTitleHostAndRuralClassroom() {
        lessonRooms.tick();
        assertThat(rooms.find(LESSON)).isEmpty();

        at("2021-11-24T05:20:00Z");

        RoomState state = rooms.find(LESSON).orElseThrow().state();
        assertThat(state.title()).isEqualTo("数学 · 城西小学 四年级(1)班");
        assertThat(state.host()).isEqualTo(TestPlans.HOST);
        assertThat(state.classrooms()).containsExactly(TestPlans.HOST, TestPlans.RURAL);
    }

    @Test
    void anEmptyRoomStaysOpenUntilAWhileAfterTheEndThenCloses() {
        at("2021-11-24T05:25:00Z");
        Room room = rooms.find(LESSON).orElseThrow();
        Member someone = member();
        room.join(someone);
        if (room.leave("s1", "left")) {
            rooms.removeIfEmpty(room);
        }
        assertThat(rooms.find(LESSON)).as("left empty during the lesson").isPresent();

        at("2021-11-24T06:24:59Z");
        assertThat(rooms.find(LESSON)).isPresent();
        at("2021-11-24T06:25:00Z");
        assertThat(rooms.find(LESSON)).isEmpty();

        at("2021-11-24T06:26:00Z");
        assertThat(rooms.find(LESSON)).as("not opened again after its end").isEmpty();
    }

    @Test
    void aRoomWithPeopleInItPastItsTimeClosesWhenTheLastOneLeaves() {
        at("2021-11-24T05:25:00Z");
        Room room = rooms.find(LESSON).orElseThrow();
        room.join(member());

        at("2021-11-24T06:40:00Z");
        assertThat(rooms.find(LESSON)).isPresent();
        if (room.leave("s1", "left")) {
            rooms.removeIfEmpty(room);
        }
        assertThat(rooms.find(LESSON)).isEmpty();
    }

    @Test
    void anAdHocRoomOfTheSameIdIsLeftAsItIs() {
        rooms.open(LESSON, "ad hoc", List.of(TestPlans.RURAL));

        at("2021-11-24T05:25:00Z");

        assertThat(rooms.find(LESSON).orElseThrow().state().title()).isEqualTo("ad hoc");
    }

    private static Member member() {
        return new Member() {
            @Override
            public Participant participant() {
                return new Participant("s1", "lead-teacher", "he", null);
            }

            @Override
            public void snapshot(RoomState state) {
            }

            @Override
            public void delta(String room, RoomChange change) {
            }

            @Override
            public void signal(String room, String from, String kind, Object payload) {
            }
        };
    }

    /** A node's claims as the lease would answer them: won or lost, the lease given up when its room closes. */
    private static final class Leases implements LessonRooms.Claims {
        final java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
        final List<String> asked = new java.util.ArrayList<>();
        final List<String> closed = new java.util.ArrayList<>();

        @Override
        public java.util.concurrent.CompletionStage<Boolean> claim(String room) {
            asked.add(room);
            return answer;
        }

        @Override
        public void closed(String room) {
            closed.add(room);
        }
    }

    @Test
    void withSeveralNodesOnlyTheNodeThatWinsTheLeaseOpensTheRoomAndGivesTheLeaseUpWhenItCloses() {
        Leases won = new Leases();
        LessonRooms here = new LessonRooms(timetable, rooms, clock, new LessonRooms.Timing(Duration.ofMinutes(10),
                Duration.ofMinutes(15), Duration.ofSeconds(15)), won);
        clock.set(Instant.parse("2021-11-24T05:25:00Z"));
        here.tick();
        here.tick();
        assertThat(won.asked).as("claimed once while the claim is under way").containsExactly(LESSON);
        assertThat(rooms.find(LESSON)).isEmpty();
        won.answer.complete(true);
        assertThat(rooms.find(LESSON)).isPresent();
        clock.set(Instant.parse("2021-11-24T06:25:00Z"));
        here.tick();
        assertThat(rooms.find(LESSON)).isEmpty();
        assertThat(won.closed).containsExactly(LESSON);

        InMemoryRoomRegistry otherRooms = new InMemoryRoomRegistry(clock, 10);
        Leases lost = new Leases();
        LessonRooms there = new LessonRooms(timetable, otherRooms, clock, new LessonRooms.Timing(Duration.ofMinutes(10),
                Duration.ofMinutes(15), Duration.ofSeconds(15)), lost);
        clock.set(Instant.parse("2021-11-24T05:25:00Z"));
        lost.answer.complete(false);
        there.tick();
        there.tick();
        assertThat(otherRooms.find(LESSON)).as("the room is the winner's").isEmpty();
        assertThat(lost.asked).containsExactly(LESSON);
    }
}
