package org.tongke.signaling.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomTest {
    static final String A = "wuzhong/lubo";
    static final String B = "shankou/lubo";

    /** A member that keeps what the room told it. */
    record Recorder(Participant participant, List<RoomChange> deltas, List<RoomState> snapshots, List<String> signals)
            implements Member {
        Recorder(Participant p) {
            this(p, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        /** Kept as {@code from kind payload}. */
        public void signal(String room, String from, String kind, Object payload) {
            signals.add(from + " " + kind + " " + payload);
        }

        public void snapshot(RoomState state) {
            snapshots.add(state);
        }

        public void delta(String room, RoomChange change) {
            deltas.add(change);
        }
    }

    private final Room room = new Room("qt-01#1", "分数", List.of(A, B),
            Clock.fixed(Instant.parse("2021-09-06T01:00:00Z"), ZoneOffset.UTC));
    private Recorder lead;
    private Recorder ruralA;
    private Recorder ruralB;
    private Recorder staff;

    @BeforeEach
    void everyoneJoins() {
        room.allowBridge(true);
        lead = join("lead", "lead-teacher", null);
        ruralA = join("a", "assistant-teacher", A);
        ruralB = join("b", "classroom-agent", B);
        staff = join("staff", "staff", null);
        List.of(lead, ruralA, ruralB, staff).forEach(r -> r.deltas().clear());
    }

    private Recorder join(String session, String role, String classroom) {
        Recorder r = new Recorder(new Participant(session, role, session + "-person", classroom));
        room.join(r);
        return r;
    }

    private static RoomProblem problem(Runnable action) {
        try {
            action.run();
        } catch (RoomException e) {
            return e.problem();
        }
        throw new AssertionError("no refusal");
    }

    @Test
    void joinerGetsASnapshotWithEveryoneAndOthersAJoinedDelta() {
        Recorder late = join("late", "assistant-teacher", A);

        assertThat(late.snapshots()).hasSize(1);
        assertThat(late.snapshots().get(0).participants()).hasSize(5);
        assertThat(lead.deltas()).containsExactly(new RoomChange.Joined(late.participant()));
        assertThat(late.deltas()).isEmpty();
    }

    @Test
    void handsQueueInOrderWithoutDuplicates() {
        room.raiseHand("b");
        room.raiseHand("a");
        room.raiseHand("b");

        assertThat(room.state().hands()).containsExactly(B, A);
        assertThat(lead.deltas()).containsExactly(new RoomChange.Hands(List.of(B)), new RoomChange.Hands(List.of(B, A)));
    }

    @Test
    void onlyRuralRoomsRaiseHands() {
        assertThat(problem(() -> room.raiseHand("lead"))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(problem(() -> room.raiseHand("staff"))).isEqualTo(RoomProblem.FORBIDDEN);
    }

    @Test
    void ruralRoomLowersOnlyItsOwnHandWhileTheLeadTeacherLowersAny() {
        room.raiseHand("a");
        room.raiseHand("b");

        assertThat(problem(() -> room.lowerHand("a", B))).isEqualTo(RoomProblem.FORBIDDEN);
        room.lowerHand("a", null);
        room.lowerHand("lead", B);
        assertThat(room.state().hands()).isEmpty();
    }

    @Test
    void grantingTheFloorTakesTheHandOffTheQueue() {
        room.raiseHand("a");
        lead.deltas().clear();
        ruralA.deltas().clear();

        room.grantFloor("lead", A);

        assertThat(room.state().floor()).isEqualTo(A);
        assertThat(lead.deltas()).containsExactly(new RoomChange.Floor(A), new RoomChange.Hands(List.of()));
        assertThat(ruralA.deltas()).isEqualTo(lead.deltas());
    }

    @Test
    void onlyTheLeadTeacherGrantsOrRevokesTheFloor() {
        assertThat(problem(() -> room.grantFloor("a", A))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(problem(() -> room.revokeFloor("staff"))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(room.state().floor()).isNull();
        assertThat(lead.deltas()).isEmpty();
    }

    @Test
    void floorGoesOnlyToARuralClassroomOfTheRoom() {
        assertThat(problem(() -> room.grantFloor("lead", "elsewhere/lubo"))).isEqualTo(RoomProblem.NO_SUCH_CLASSROOM);
    }

    @Test
    void lockedRuralRoomCannotUnmuteItselfButCanAfterUnlock() {
        room.lock("lead", A, true);
        assertThat(room.state().muted()).containsExactly(A);

        assertThat(problem(() -> room.mute("a", A, false))).isEqualTo(RoomProblem.FORBIDDEN);
        room.lock("lead", A, false);
        room.mute("a", A, false);

        assertThat(room.state().muted()).isEmpty();
        assertThat(lead.deltas()).containsExactly(new RoomChange.Locked(A, true), new RoomChange.Muted(A, true),
                new RoomChange.Locked(A, false), new RoomChange.Muted(A, false));
    }

    @Test
    void ruralRoomMutesOnlyItself() {
        room.mute("a", A, true);
        assertThat(problem(() -> room.mute("a", B, true))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(room.state().muted()).containsExactly(A);
    }

    @Test
    void nobodyMutesTheLeadTeachersRoom() {
        Recorder hostLead = join("lead2", "lead-teacher", B);

        assertThat(problem(() -> room.mute(hostLead.participant().session(), B, true))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(problem(() -> room.mute("b", B, true))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(room.state().host()).isEqualTo(B);
    }

    @Test
    void staffObserveButDoNotChatOrControl() {
        assertThat(problem(() -> room.chat("staff", "hi"))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(problem(() -> room.mute("staff", A, true))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(problem(() -> room.startLesson("staff"))).isEqualTo(RoomProblem.FORBIDDEN);
    }

    @Test
    void chatKeepsTheLastHundredLines() {
        for (int i = 0; i < 120; i++) {
            room.chat("a", "line " + i);
        }
        assertThat(room.state().chat()).hasSize(Room.MAX_CHAT_HISTORY);
        assertThat(room.state().chat().get(0).text()).isEqualTo("line 20");
        assertThat(room.state().chat().get(0).at()).isEqualTo("2021-09-06T01:00:00Z");
    }

    @Test
    void attendanceIsReportedForTheSendersOwnClassroomOnly() {
        room.attendance("a", 38, 40);

        assertThat(room.state().attendance()).containsOnlyKeys(A);
        assertThat(room.state().attendance().get(A).present()).isEqualTo(38);
        assertThat(problem(() -> room.attendance("lead", 1, 2))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(problem(() -> room.attendance("a", 41, 40))).isEqualTo(RoomProblem.BAD_MESSAGE);
    }

    @Test
    void lessonGoesFromWaitingToLiveToEndedByTheLeadTeacherOnly() {
        assertThat(problem(() -> room.startLesson("a"))).isEqualTo(RoomProblem.FORBIDDEN);
        room.startLesson("lead");
        assertThat(problem(() -> room.startLesson("lead"))).isEqualTo(RoomProblem.BAD_STATE);
        room.endLesson("lead");

        assertThat(ruralA.deltas()).containsExactly(new RoomChange.Lesson("live"), new RoomChange.Lesson("ended"));
    }

    @Test
    void actionsFromOutsideTheRoomAreNotInRoom() {
        assertThat(problem(() -> room.raiseHand("stranger"))).isEqualTo(RoomProblem.NOT_IN_ROOM);
    }

    @Test
    void leavingIsAnnouncedWithItsReasonAndEmptiesTheRoomAtLast() {
        assertThat(room.leave("a", "heartbeat-timeout")).isFalse();
        assertThat(lead.deltas()).containsExactly(new RoomChange.Left(ruralA.participant(), "heartbeat-timeout"),
                new RoomChange.Media("p2p"));
        room.leave("b", "left");
        room.leave("staff", "left");
        assertThat(room.leave("lead", "left")).isTrue();
    }

    @Test
    void spotlightNamesARuralClassroomOrNone() {
        room.spotlight("lead", A);
        room.spotlight("lead", null);
        assertThat(lead.deltas()).containsExactly(new RoomChange.Spotlight(A), new RoomChange.Spotlight(null));
    }

    @Test
    void signalReachesItsAddresseeAloneWithTheSendersSession() {
        room.relay("lead", "a", "offer", "{sdp}");
        room.relay("a", "lead", "answer", "{sdp2}");
        room.relay("a", "lead", "candidate", "{c}");

        assertThat(ruralA.signals()).containsExactly("lead offer {sdp}");
        assertThat(lead.signals()).containsExactly("a answer {sdp2}", "a candidate {c}");
        assertThat(ruralB.signals()).isEmpty();
        assertThat(staff.signals()).isEmpty();
        List.of(lead, ruralA, ruralB, staff).forEach(r -> assertThat(r.deltas()).isEmpty());
    }

    @Test
    void signalToNoParticipantOrToOneselfOrFromOutsideIsRefused() {
        assertThat(problem(() -> room.relay("lead", "gone", "offer", "{}"))).isEqualTo(RoomProblem.NO_SUCH_PARTICIPANT);
        assertThat(problem(() -> room.relay("lead", "lead", "offer", "{}"))).isEqualTo(RoomProblem.BAD_MESSAGE);
        assertThat(problem(() -> room.relay("stranger", "a", "offer", "{}"))).isEqualTo(RoomProblem.NOT_IN_ROOM);
    }

    @Test
    void staffAnswerOffersAndSendCandidatesButMakeNoOffer() {
        assertThat(problem(() -> room.relay("staff", "lead", "offer", "{}"))).isEqualTo(RoomProblem.FORBIDDEN);
        room.relay("staff", "lead", "answer", "{}");
        room.relay("staff", "lead", "candidate", "{}");

        assertThat(lead.signals()).containsExactly("staff answer {}", "staff candidate {}");
    }

    @Test
    void mediaModeIsP2pUpToTwoClassroomsAndBridgeFromThree() {
        Room fresh = new Room("qt-02#1", "t", List.of(A, B), Clock.systemUTC());
        fresh.allowBridge(true);
        Recorder teacher = new Recorder(new Participant("lead", "lead-teacher", "he", null));
        Recorder first = new Recorder(new Participant("a", "assistant-teacher", "a-person", A));
        Recorder second = new Recorder(new Participant("b", "classroom-agent", "b-agent", B));
        Recorder observer = new Recorder(new Participant("staff", "staff", "s", null));
        fresh.join(teacher);
        fresh.join(observer);
        fresh.join(first);
        assertThat(fresh.state().media()).isEqualTo("p2p");
        assertThat(first.snapshots().get(0).media()).isEqualTo("p2p");

        fresh.join(second);
        assertThat(second.snapshots().get(0).media()).isEqualTo("bridge");
        assertThat(second.deltas()).isEmpty();
        assertThat(teacher.deltas()).endsWith(new RoomChange.Joined(second.participant()), new RoomChange.Media("bridge"));

        fresh.leave("a", "left");
        assertThat(fresh.media()).isEqualTo(MediaMode.P2P);
        assertThat(second.deltas()).containsExactly(new RoomChange.Left(first.participant(), "left"),
                new RoomChange.Media("p2p"));
    }

    @Test
    void everyoneInTheRoomFromThreeClassroomsSeesBridge() {
        assertThat(room.state().media()).isEqualTo("bridge");
    }

    @Test
    void withoutABridgeALessonOfThreeClassroomsStaysPeerToPeer() {
        Room meshed = new Room("qt-03#1", "t", List.of(A, B), Clock.systemUTC());
        meshed.join(new Recorder(new Participant("lead", "lead-teacher", "he", null)));
        meshed.join(new Recorder(new Participant("a", "assistant-teacher", "a-person", A)));
        meshed.join(new Recorder(new Participant("b", "assistant-teacher", "b-person", B)));

        assertThat(meshed.media()).isEqualTo(MediaMode.P2P);
    }

    @Test
    void aRoomWhoseBridgeIsLostIsToldWhyAndFallsBackToPeerToPeer() {
        room.mediaNotice("bridge-none-available", "没有可用的媒体服务器", true);

        assertThat(lead.deltas()).containsExactly(
                new RoomChange.MediaNotice("bridge-none-available", "没有可用的媒体服务器"), new RoomChange.Media("p2p"));
        assertThat(room.media()).isEqualTo(MediaMode.P2P);
    }

    @Test
    void aBridgeThatMovedTheLessonIsOnlyANotice() {
        room.mediaNotice("bridge-failed", "课堂已转到 jvb2", false);

        assertThat(lead.deltas()).containsExactly(new RoomChange.MediaNotice("bridge-failed", "课堂已转到 jvb2"));
        assertThat(room.media()).isEqualTo(MediaMode.BRIDGE);
    }

    @Test
    void onlyMembersWithMediaGetSignalsFromTheBridge() {
        assertThat(room.signalFromBridge("a", "bridge", "offer", Map.of("type", "offer"))).isTrue();
        assertThat(room.signalFromBridge("nobody", "bridge", "offer", Map.of("type", "offer"))).isFalse();
        assertThat(room.mediaParticipants()).extracting(Participant::session).containsExactly("lead", "a", "staff");
    }

    @Test
    void anAgentOfTheRoomSaysItRecordsOnceAndEveryoneSeesIt() {
        room.recording("b", true);
        room.recording("b", true);

        assertThat(lead.deltas()).containsExactly(new RoomChange.Recording(B, true));
        assertThat(room.state().recording()).containsExactly(B);
        room.recording("b", false);
        assertThat(room.state().recording()).isEmpty();
    }

    @Test
    void onlyAnAgentSaysWhetherItRecords() {
        assertThat(problem(() -> room.recording("a", true))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(problem(() -> room.recording("lead", true))).isEqualTo(RoomProblem.FORBIDDEN);
        assertThat(problem(() -> room.recording("nobody", true))).isEqualTo(RoomProblem.NOT_IN_ROOM);
    }

    @Test
    void aRoomOfTheTimetableKnowsItsHostAheadAndItsHostsAgentIsNoRuralRoom() {
        Room lesson = new Room("c1-math#1@2021-11-24", "数学", List.of("chengxi/lubo", A), "chengxi/lubo", null,
                Clock.systemUTC());
        Recorder hostAgent = new Recorder(new Participant("h", "classroom-agent", "h-agent", "chengxi/lubo"));
        lesson.join(hostAgent);

        assertThat(lesson.state().host()).isEqualTo("chengxi/lubo");
        assertThat(problem(() -> lesson.raiseHand("h"))).isEqualTo(RoomProblem.FORBIDDEN);
        lesson.recording("h", true);
        assertThat(lesson.state().recording()).containsExactly("chengxi/lubo");
    }

    @Test
    void aSessionBackThroughAnotherEndIsReachedThereFromNowOn() {
        room.away("a", "node-lost");
        Recorder moved = new Recorder(ruralA.participant());

        assertThat(room.back(moved, true)).isTrue();
        room.grantFloor("lead", A);

        assertThat(lead.deltas()).contains(new RoomChange.Back(ruralA.participant()));
        assertThat(moved.snapshots()).hasSize(1);
        assertThat(moved.deltas()).contains(new RoomChange.Floor(A));
        assertThat(ruralA.deltas()).doesNotContain(new RoomChange.Floor(A));
        assertThat(room.back(new Recorder(new Participant("gone", "staff", "x", null)), true))
                .as("no member of that session").isFalse();
    }

    @Test
    void aMemberAwayIsToldOnceAndStaysAwayWhenTheRoomIsRestoredElsewhere() {
        room.away("lead", "node-stopping");
        room.away("lead", "node-lost");

        assertThat(ruralA.deltas()).containsExactly(new RoomChange.Away(lead.participant(), "node-stopping"));
        assertThat(room.away()).isEqualTo(Map.of("lead", "node-stopping"));

        Recorder there = new Recorder(ruralA.participant());
        Room restored = Room.restore(room.state(), null, Clock.systemUTC(), false,
                List.of(lead, there, ruralB, staff), room.away());
        restored.away("lead", "node-lost");
        assertThat(there.deltas()).as("the restored room knows the teacher is away already").isEmpty();
        assertThat(restored.back("lead", false)).isTrue();
        assertThat(there.deltas()).containsExactly(new RoomChange.Back(lead.participant()));
        assertThat(restored.away()).isEmpty();
    }
}
