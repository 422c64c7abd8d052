package org.tongke.signaling.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.cluster.ClusterOptions;
import org.tongke.signaling.schedule.LessonRooms;
import org.tongke.signaling.schedule.LoadedPlan;
import org.tongke.config.plan.PlanReloads;
import org.tongke.signaling.schedule.TimetablePlans;
import org.tongke.config.plan.RedisPlanEvents;
import org.tongke.signaling.schedule.ScheduleSource;
import org.tongke.signaling.schedule.Timetable;

/**
 * One signaling node in a JVM of its own, for {@link MultiNodeIT}: arguments REDIS_URI NODE_ID
 * LEASE_MILLIS RESUME_GRACE_MILLIS [PLAN_FILE]; with a plan file, its timetable, read again on each
 * {@code plan-published} event of the plan's county on Redis (as {@code signaling serve --plan-file
 * --redis} does). Prints {@code port N} once listening, serves until killed (on SIGTERM it stops as
 * {@code signaling serve} does).
 */
public final class ClusterNode {
    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        ScheduleSource schedules = ScheduleSource.none();
        if (args.length > 4) {
            Timetable timetable = new Timetable(Clock.systemUTC(), null);
            PlanReloads<LoadedPlan> reloads = TimetablePlans.reloads(TimetablePlans.file(Path.of(args[4])), timetable,
                    Clock.systemUTC());
            LoadedPlan plan = reloads.loadNow();
            RedisPlanEvents.subscribe(args[0], plan.county(), reloads);
            schedules = timetable;
        }
        SignalingServer server = SignalingServer.start(
                ServerOptions.defaults().withPort(0).withResumeGrace(Duration.ofMillis(Long.parseLong(args[3]))),
                new TokenVerifier(SignalingServerIT.SECRET, Clock.systemUTC()), Clock.systemUTC(), schedules,
                LessonRooms.Timing.defaults(),
                new ClusterOptions(args[0], args[1], Duration.ofMillis(Long.parseLong(args[2]))));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cluster-node-stop"));
        System.out.println("port " + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
