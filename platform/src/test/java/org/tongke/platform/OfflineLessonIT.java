package org.tongke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.county.County;
import org.tongke.config.export.AtomicFile;
import org.tongke.config.validate.CountyValidator;
import org.tongke.platform.demo.DemoTimetable;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.PlanJson;

/**
 * A lesson's whole way with the signaling server down: each component its own process of the
 * platform jar (recorder, signaling server, one edge agent per classroom), as an operator runs
 * them. The agents get the schedule, the signaling server is stopped before the lesson starts and
 * started again after it ends, and the recording still happens, uploads and is in the library.
 */
class OfflineLessonIT {
    @TempDir
    Path dir;

    @Test
    void aLessonIsRecordedAndArchivedWhileTheSignalingServerIsDown() throws Exception {
        County county = CountyValidator.validate(PlatformJar.SAMPLE).orThrow();
        ZonedDateTime start = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).plusSeconds(25).withNano(0);
        Plan plan = new DemoTimetable(county).plan(1, start, Duration.ofSeconds(10), Duration.ZERO);
        Occurrence lesson = plan.occurrences().get(0);
        Path planFile = dir.resolve("plan.json");
        AtomicFile.write(planFile, out -> PlanJson.write(plan, out));
        Path secretFile = dir.resolve("secret.key");
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        Files.writeString(secretFile, Base64.getEncoder().encodeToString(random));
        TokenIssuer tokens = new TokenIssuer(Secrets.read(secretFile), Clock.systemUTC());
        int signalingPort = freePort();
        String[] signalingArgs = {"signaling", "serve", "--port", String.valueOf(signalingPort), "--secret-file",
                secretFile.toString(), "--config", PlatformJar.SAMPLE.toString(), "--plan-file", planFile.toString()};

        List<PlatformJar.Running> running = new ArrayList<>();
        try (PlatformJar.Running recorder = PlatformJar.start("recorder", "serve", "--port", "0", "--library",
                dir.resolve("library").toString(), "--secret-file", secretFile.toString(), "--config",
                PlatformJar.SAMPLE.toString(), "--plan-file", planFile.toString())) {
            int recorderPort = Integer.parseInt(recorder.awaitLine("listening on http://127.0.0.1:(\\d+)", 60).group(1));
            PlatformJar.Running signaling = PlatformJar.start(signalingArgs);
            running.add(signaling);
            signaling.awaitLine("listening", 60);
            for (Participant room : lesson.participants()) {
                running.add(agent(tokens, room, signalingPort, recorderPort));
            }
            String staff = tokens.issue(Role.STAFF, Scope.parse("county:" + county.id()), "offline-test",
                    Duration.ofMinutes(10));
            URI classrooms = URI.create("http://127.0.0.1:" + signalingPort + "/api/classrooms");
            awaitTrue(() -> DemoIT.get(classrooms, staff).path("classrooms").findValues("acknowledgedVersion").stream()
                    .filter(v -> !v.isNull()).count() == 2, 60, "both agents acknowledged their schedule");

            // The link goes before the lesson starts and comes back after it ends.
            signaling.stop(30);
            assertThat(ZonedDateTime.now(start.getZone())).as("the signaling server is down before the lesson starts")
                    .isBefore(start);
            awaitTrue(() -> ZonedDateTime.now(start.getZone()).isAfter(start.plusSeconds(12)), 60, "the lesson ended");
            running.add(PlatformJar.start(signalingArgs));
            running.get(running.size() - 1).awaitLine("listening", 60);

            URI search = URI.create("http://127.0.0.1:" + recorderPort + "/api/library/search?type=lesson");
            awaitTrue(() -> DemoIT.get(search, staff).path("total").asInt() == 2, 120,
                    "both classrooms' recordings in the library");
            JsonNode found = DemoIT.get(search, staff);
            assertThat(found.path("entries").findValuesAsText("lessonId")).containsOnly(lesson.id());
            assertThat(found.path("entries").findValues("durationSeconds").stream().mapToInt(JsonNode::asInt).min()
                    .orElse(0)).isGreaterThanOrEqualTo(8);
            awaitTrue(() -> DemoIT.get(classrooms, staff).path("classrooms").findValuesAsText("state").stream()
                    .filter("online"::equals).count() == 2, 60, "both agents back online");
        } finally {
            for (PlatformJar.Running r : running) {
                r.close();
            }
        }
    }

    private PlatformJar.Running agent(TokenIssuer tokens, Participant room, int signalingPort, int recorderPort)
            throws Exception {
        String classroom = room.school() + "/" + room.classroom();
        Path home = dir.resolve("agent-" + room.school());
        Files.createDirectories(home);
        Files.writeString(home.resolve("agent.token"), tokens.issue(Role.CLASSROOM_AGENT,
                new Scope(Scope.Type.CLASSROOM, classroom), null, Duration.ofHours(1)));
        Files.writeString(home.resolve("agent.yaml"), """
                classroom: %s
                tokenFile: agent.token
                signaling: ws://127.0.0.1:%d/ws
                recorder: http://127.0.0.1:%d
                storage:
                  dir: %s
                  minFree: 64MB
                recording:
                  preRoll: 0s
                  postRoll: 0s
                  segment: 4s
                sources:
                  - name: teacher
                    lavfi: testsrc2=size=320x180:rate=15
                    text: %s
                """.formatted(classroom, signalingPort, recorderPort, home.resolve("storage"), room.schoolName()));
        PlatformJar.Running agent = PlatformJar.start("edge-agent", "run", "--config", home.resolve("agent.yaml").toString());
        agent.awaitLine("Edge agent of " + classroom, 60);
        return agent;
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception | AssertionError e) {
                last = e instanceof Exception ex ? ex : new Exception(e);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within " + seconds + " s: " + what, last);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
