package org.tongke.signaling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongke.config.testing.LocalRedis;
import org.tongke.signaling.schedule.AgreedSchedules;
import org.tongke.signaling.schedule.LoadedPlan;
import org.tongke.signaling.schedule.PlanReader;
import org.tongke.signaling.schedule.TestPlans;
import org.tongke.signaling.schedule.Timetable;

/**
 * Schedule versions agreed on a real redis-server by nodes whose clocks differ by minutes: the same
 * lessons have one version on every node, and a change still raises it.
 */
class RedisScheduleVersionsIT {
    /** Wednesday 2021-11-24, 09:00 in Beijing. */
    private static final Instant NOW = Instant.parse("2021-11-24T01:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(2);

    /** Unique per test: under bin/test every test shares one Redis. */
    private final String suffix = Long.toString(System.nanoTime());
    private final String rural = "zhenbu" + suffix + "/lubo";
    private final List<RedisNodes> connected = new ArrayList<>();
    private LocalRedis redis;

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.start();
    }

    @AfterEach
    void stop() throws Exception {
        connected.forEach(RedisNodes::close);
        redis.close();
    }

    /** A node's timetable, on its own clock, its schedules agreed over Redis. */
    private record Node(Timetable local, AgreedSchedules agreed, List<Set<String>> heard) {
        long version(String classroom) {
            return agreed.schedule(classroom).map(s -> s.version()).orElse(-1L);
        }
    }

    private Node node(String id, Instant clock) {
        RedisNodes nodes = RedisNodes.connect(redis.uri(), id + "-" + suffix, LEASE, m -> { });
        connected.add(nodes);
        Timetable local = new Timetable(Clock.fixed(clock, ZoneOffset.UTC), null);
        AgreedSchedules agreed = new AgreedSchedules(local);
        List<Set<String>> heard = new CopyOnWriteArrayList<>();
        agreed.subscribe(heard::add);
        agreed.agreeWith(nodes.scheduleVersions());
        return new Node(local, agreed, heard);
    }

    private LoadedPlan plan(String... weekly) {
        List<String> lessons = java.util.Arrays.stream(weekly)
                .map(w -> TestPlans.occurrence(w, "2021-11-25", "14:00", "14:40")).toList();
        return PlanReader.read(TestPlans.file(lessons).replace("\"school\":\"zhenbu\"", "\"school\":\"zhenbu" + suffix
                + "\"").getBytes(StandardCharsets.UTF_8), "test");
    }

    /** The node's agreed version of the rural classroom once {@code wanted}, within 5 s. */
    private long eventually(Node node, LongPredicate wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!wanted.test(node.version(rural)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(wanted.test(node.version(rural))).as("version %d", node.version(rural)).isTrue();
        return node.version(rural);
    }

    @Test
    void theSameLessonsHaveOneVersionOnEveryNodeAndAChangeRaisesItEverywhere() throws Exception {
        Node one = node("one", NOW);
        Node two = node("two", NOW.plus(Duration.ofMinutes(7)));
        one.local().replace(plan("c1-math#1"));
        long first = eventually(one, v -> v > 0);
        two.local().replace(plan("c1-math#1"));

        assertThat(two.local().schedule(rural).orElseThrow().version())
                .as("each node's own number differs").isNotEqualTo(first);
        assertThat(eventually(two, v -> v > 0)).as("the number agreed is the first node's").isEqualTo(first);
        assertThat(first).isEqualTo(NOW.getEpochSecond());
        assertThat(two.heard()).contains(Set.of(rural));

        two.local().replace(plan("c1-math#1", "c1-math#2"));
        long second = eventually(two, v -> v != first);
        assertThat(second).isGreaterThan(first);
        one.local().replace(plan("c1-math#1", "c1-math#2"));
        assertThat(eventually(one, v -> v != first))
                .as("node one's own number is lower, yet it takes the agreed one").isEqualTo(second);

        one.local().replace(plan("c1-math#1"));
        long third = eventually(one, v -> v != second);
        assertThat(third).as("lessons that went back to an earlier plan still get a higher version")
                .isGreaterThan(second);

        Node late = node("late", NOW.minus(Duration.ofDays(1)).plus(Duration.ofHours(20)));
        late.local().replace(plan("c1-math#1"));
        assertThat(eventually(late, v -> v > 0)).as("a node started later numbers what it has as the others did")
                .isEqualTo(third);
    }
}
