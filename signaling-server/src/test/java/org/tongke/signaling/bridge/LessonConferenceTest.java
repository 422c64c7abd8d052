package org.tongke.signaling.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three consoles of one lesson through the stand-in bridge (it speaks REST Colibri2; it is not the bridge). */
class LessonConferenceTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StandInBridge first;
    private StandInBridge second;
    private BridgePool pool;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger meetings = new AtomicInteger();

    private final LessonConference.Listener listener = new LessonConference.Listener() {
        @Override
        public void moved(String lesson, String from, String to, BridgeFailure why, Map<String, Allocation> all) {
            events.add("moved " + from + "->" + to + " " + why.kind() + " " + all.keySet().stream().sorted().toList());
        }

        @Override
        public void lost(String lesson, BridgeFailure why) {
            events.add("lost " + why.kind());
        }
    };

    @BeforeEach
    void startBridges() throws Exception {
        first = new StandInBridge();
        second = new StandInBridge();
        second.stress(0.5);
        pool = new BridgePool(List.of(client("jvb1", first), client("jvb2", second)), Clock.systemUTC());
        pool.refresh().get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopBridges() {
        first.close();
        second.close();
    }

    @Test
    void threeConsolesShareOneConferenceCreatedByTheFirstAllocation() throws Exception {
        LessonConference lesson = lesson();

        Allocation teacher = lesson.join("teacher", "chengxi/lubo", List.of(camera("teacher", 10))).get(5, TimeUnit.SECONDS);
        Allocation rural1 = lesson.join("rural1", "wuzhong/lubo", List.of(camera("rural1", 20))).get(5, TimeUnit.SECONDS);
        Allocation rural2 = lesson.join("rural2", "shantou/lubo", List.of(camera("rural2", 30))).get(5, TimeUnit.SECONDS);

        assertThat(lesson.bridge()).isEqualTo("jvb1");
        assertThat(first.conferences()).containsOnlyKeys(lesson.meetingId());
        assertThat(first.conferences().get(lesson.meetingId())).containsOnlyKeys("teacher", "rural1", "rural2");
        assertThat(first.requests()).extracting(r -> r.path("create").asBoolean()).containsExactly(true, false, false);
        assertThat(List.of(teacher, rural1, rural2)).allSatisfy(a -> {
            assertThat(a.transport().ufrag()).isNotBlank();
            assertThat(a.transport().fingerprints()).isNotEmpty();
        });
        assertThat(teacher.feedbackSources()).extracting(MediaSourceSpec::name).containsExactly("jvb-a0", "jvb-v0");
        assertThat(lesson.sourcesOfOthers("rural2")).containsOnlyKeys("teacher", "rural1");
    }

    @Test
    void theConsolesAnswerReachesTheBridgeWithItsTransportAndSources() throws Exception {
        LessonConference lesson = lesson();
        lesson.join("teacher", "chengxi/lubo", List.of()).get(5, TimeUnit.SECONDS);
        MediaTransport console = new MediaTransport("cuf", "cpwcpwcpwcpw", List.of(new Fingerprint("sha-256", "01:02", "active")),
                List.of(new IceCandidate("7", 1, "udp", 2_122_260_223L, "10.1.2.3", 50_000, "host", null, 0, 0)), List.of());

        lesson.answer("teacher", console, List.of(camera("teacher", 10))).get(5, TimeUnit.SECONDS);

        StandInBridge.EndpointState state = first.conferences().get(lesson.meetingId()).get("teacher");
        assertThat(state.consoleTransport()).isEqualTo(console);
        assertThat(state.sources()).containsExactly(camera("teacher", 10));
    }

    @Test
    void leavingExpiresTheEndpointAndTheEndOfTheLessonExpiresTheConference() throws Exception {
        LessonConference lesson = lesson();
        lesson.join("teacher", "a", List.of()).get(5, TimeUnit.SECONDS);
        lesson.join("rural1", "b", List.of()).get(5, TimeUnit.SECONDS);
        String meeting = lesson.meetingId();

        lesson.leave("rural1").get(5, TimeUnit.SECONDS);
        assertThat(first.conferences().get(meeting)).containsOnlyKeys("teacher");

        lesson.end().get(5, TimeUnit.SECONDS);
        assertThat(first.conferences()).isEmpty();
        assertThatThrownBy(() -> lesson.join("late", "c", List.of()).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aResumedConsoleGetsFreshIceCredentials() throws Exception {
        LessonConference lesson = lesson();
        Allocation before = lesson.join("teacher", "a", List.of()).get(5, TimeUnit.SECONDS);

        Allocation after = lesson.restartIce("teacher").get(5, TimeUnit.SECONDS);

        assertThat(after.transport().ufrag()).isNotEqualTo(before.transport().ufrag());
        assertThat(first.conferences().get(lesson.meetingId())).containsOnlyKeys("teacher");
    }

    @Test
    void aBridgeAnsweringFiveHundredMovesTheWholeLessonToTheOtherBridge() throws Exception {
        LessonConference lesson = lesson();
        lesson.join("teacher", "a", List.of(camera("teacher", 10))).get(5, TimeUnit.SECONDS);
        lesson.join("rural1", "b", List.of(camera("rural1", 20))).get(5, TimeUnit.SECONDS);
        first.failWith(500);

        Allocation rural2 = lesson.join("rural2", "c", List.of(camera("rural2", 30))).get(5, TimeUnit.SECONDS);

        assertThat(rural2.bridge()).isEqualTo("jvb2");
        assertThat(lesson.bridge()).isEqualTo("jvb2");
        assertThat(second.conferences().get(lesson.meetingId())).containsOnlyKeys("teacher", "rural1", "rural2");
        assertThat(second.conferences().get(lesson.meetingId()).get("rural1").sources()).containsExactly(camera("rural1", 20));
        assertThat(events).containsExactly("moved jvb1->jvb2 FAILED [rural1, rural2, teacher]");
        assertThat(pool.loads().get("jvb1").healthy()).isFalse();
    }

    @Test
    void aBridgeThatRefusesTimesOutOrLeavesOutTheTransportIsLeftForAnother() throws Exception {
        for (Runnable breakIt : List.<Runnable>of(() -> first.failWith(400), () -> first.answerAfter(1_500),
                () -> first.omitTransport(true))) {
            first.failWith(0);
            first.answerAfter(0);
            first.omitTransport(false);
            pool.refresh().get(5, TimeUnit.SECONDS);
            events.clear();
            breakIt.run();

            Allocation teacher = lesson().join("teacher", "a", List.of()).get(10, TimeUnit.SECONDS);

            assertThat(teacher.bridge()).isEqualTo("jvb2");
            assertThat(events).singleElement().asString().startsWith("moved jvb1->jvb2");
        }
    }

    @Test
    void whenNoBridgeIsLeftTheLessonIsToldAndTheJoinFails() throws Exception {
        LessonConference lesson = lesson();
        first.failWith(503);
        second.failWith(503);

        assertThatThrownBy(() -> lesson.join("teacher", "a", List.of()).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BridgeFailure.class)
                .cause().satisfies(e -> assertThat(((BridgeFailure) e).kind()).isEqualTo(BridgeFailure.Kind.NONE_AVAILABLE));
        assertThat(events).containsExactly("lost FAILED");
        assertThat(pool.choose(Set.of())).isEmpty();
    }

    private LessonConference lesson() {
        return new LessonConference("qt-01-sync#1@2026-11-23", "四年级数学", pool, listener,
                () -> "meeting-" + meetings.incrementAndGet());
    }

    private static BridgeClient client(String id, StandInBridge bridge) {
        return new BridgeClient(id, bridge.uri(), HTTP, Duration.ofMillis(800));
    }

    private static MediaSourceSpec camera(String endpoint, long ssrc) {
        return new MediaSourceSpec(endpoint + "-v0", MediaSourceSpec.Kind.VIDEO, List.of(ssrc, ssrc + 1),
                List.of(new MediaSourceSpec.SsrcGroup("FID", List.of(ssrc, ssrc + 1))));
    }
}
