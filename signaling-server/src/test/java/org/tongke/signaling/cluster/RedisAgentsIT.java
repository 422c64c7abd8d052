package org.tongke.signaling.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.testing.LocalRedis;
import org.tongke.signaling.agent.AgentDirectory;
import org.tongke.signaling.agent.ClassroomStatus;
import org.tongke.signaling.agent.Peer;
import org.tongke.signaling.protocol.ClientMessage;
import org.tongke.signaling.protocol.ServerMessage;

/** The agents' keys and scripts on a real redis-server, two nodes in this JVM. */
class RedisAgentsIT {
    private static final Duration LEASE = Duration.ofMillis(600);
    private static final Instant AT = Instant.parse("2026-03-02T06:00:00Z");

    /** Unique per test: under bin/test every test shares one Redis. */
    private final String suffix = Long.toString(System.nanoTime());
    private final String classroom = "wuzhong" + suffix + "/lubo";
    private final BlockingQueue<NodeMessage> heardByOne = new LinkedBlockingQueue<>();
    private LocalRedis redis;
    private RedisNodes one;
    private RedisNodes two;

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.start();
        one = RedisNodes.connect(redis.uri(), "one-" + suffix, LEASE, heardByOne::add);
        two = RedisNodes.connect(redis.uri(), "two-" + suffix, LEASE, m -> { });
    }

    @AfterEach
    void stop() throws Exception {
        one.close();
        two.close();
        redis.close();
    }

    private ClassroomStatus status(String state) {
        boolean on = !ClassroomStatus.OFFLINE.equals(state);
        return new ClassroomStatus(classroom, "wuzhong" + suffix, "吴中小学", "录播教室", state, null,
                "classroom:" + classroom, on ? AT : null, AT, null, null, 17L, 17L, null, on ? null : AT.plusSeconds(5));
    }

    private ClassroomStatus read(RedisNodes node) throws Exception {
        Map<String, ClassroomStatus> read = node.agents().statuses(List.of(classroom, "nobody" + suffix + "/lubo"))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(read).containsOnlyKeys(classroom);
        return read.get(classroom);
    }

    private static <T> T done(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void anAgentThatConnectsOnAnotherNodeReplacesTheFirstWhichCanNeitherRenewNorEndIt() throws Exception {
        assertThat(done(one.agents().present(status("online"), "s-1", true))).isTrue();
        assertThat(read(two).node()).isEqualTo("one-" + suffix);

        assertThat(done(two.agents().present(status("online"), "s-2", true))).isTrue();
        assertThat(done(one.agents().present(status("online"), "s-1", false))).as("replaced").isFalse();
        assertThat(done(one.agents().renew(classroom, "s-1"))).isFalse();
        one.agents().gone(status("offline"), "s-1");
        assertThat(read(one).state()).isEqualTo("online");
        assertThat(read(one).node()).isEqualTo("two-" + suffix);

        two.agents().gone(status("offline"), "s-2");
        ClassroomStatus left = read(two);
        assertThat(left.state()).isEqualTo("offline");
        assertThat(left.offlineSince()).isEqualTo(AT.plusSeconds(5));
    }

    @Test
    void anAgentWhoseNodeStopsRenewingItIsOfflineALeaseLaterWithWhatItLastReported() throws Exception {
        done(one.agents().present(status("online"), "s-1", true));
        assertThat(read(two).state()).isEqualTo("online");
        for (int i = 0; i < 4; i++) {
            Thread.sleep(LEASE.toMillis() / 3);
            assertThat(done(one.agents().renew(classroom, "s-1"))).isTrue();
        }
        assertThat(read(two).state()).as("renewed past its first lease").isEqualTo("online");

        Thread.sleep(LEASE.toMillis() + 200);

        ClassroomStatus lost = read(two);
        assertThat(lost.state()).isEqualTo("offline");
        assertThat(lost.offlineSince()).isEqualTo(AT);
        assertThat(lost.acknowledgedVersion()).isEqualTo(17L);
    }

    @Test
    void aCommandGoesToTheAgentsNodeAndSaysSoWhenThereIsNoAgentOrItsNodeIsGone() throws Exception {
        Peer staff = new Peer() {
            private final Identity identity = new Identity("county:qingtian", Role.STAFF, Scope.parse("county:qingtian"),
                    AT, AT.plusSeconds(3600), "t-1");

            public String id() {
                return "s-9";
            }

            public Identity identity() {
                return identity;
            }

            public void send(ServerMessage message) {
            }
        };
        ClientMessage.AgentCommand status = new ClientMessage.AgentCommand(classroom, "status", "c-1", null, null);
        assertThat(done(two.agents().command(staff, status, false))).isEqualTo(AgentDirectory.Forwarded.NONE);

        done(one.agents().present(status("online"), "s-1", true));
        assertThat(done(two.agents().command(staff, status, true))).isEqualTo(AgentDirectory.Forwarded.HEARD);
        NodeMessage heard = heardByOne.poll(5, TimeUnit.SECONDS);
        assertThat(heard).isInstanceOfSatisfying(NodeMessage.Command.class, c -> {
            assertThat(c.classroom()).isEqualTo(classroom);
            assertThat(c.node()).isEqualTo("two-" + suffix);
            assertThat(c.session()).isEqualTo("s-9");
            assertThat(c.who().identity()).isEqualTo(staff.identity());
            assertThat(c.leadsRoomWith()).isTrue();
        });

        RedisNodes three = RedisNodes.connect(redis.uri(), "three-" + suffix, LEASE, m -> { });
        done(three.agents().present(status("online"), "s-3", true));
        three.close();
        assertThat(done(two.agents().command(staff, status, false))).as("nobody listens on node three's channel")
                .isEqualTo(AgentDirectory.Forwarded.GONE);
    }
}
