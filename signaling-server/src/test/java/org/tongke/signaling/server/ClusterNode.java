package org.tongke.signaling.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.cluster.ClusterOptions;
import org.tongke.signaling.schedule.LessonRooms;
import org.tongke.signaling.schedule.ScheduleSource;

/**
 * One signaling node in a JVM of its own, for {@link MultiNodeIT}: arguments REDIS_URI NODE_ID
 * LEASE_MILLIS RESUME_GRACE_MILLIS; prints {@code port N} once listening, serves until killed (on
 * SIGTERM it stops as {@code signaling serve} does).
 */
public final class ClusterNode {
    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        SignalingServer server = SignalingServer.start(
                ServerOptions.defaults().withPort(0).withResumeGrace(Duration.ofMillis(Long.parseLong(args[3]))),
                new TokenVerifier(SignalingServerIT.SECRET, Clock.systemUTC()), Clock.systemUTC(), ScheduleSource.none(),
                LessonRooms.Timing.defaults(),
                new ClusterOptions(args[0], args[1], Duration.ofMillis(Long.parseLong(args[2]))));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cluster-node-stop"));
        System.out.println("port " + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
