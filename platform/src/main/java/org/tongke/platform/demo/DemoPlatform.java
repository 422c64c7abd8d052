package org.tongke.platform.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.agent.config.AgentConfig;
import org.tongke.agent.config.SourceSpec;
import org.tongke.agent.run.EdgeAgent;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.county.County;
import org.tongke.config.export.AtomicFile;
import org.tongke.platform.portal.PortalLesson;
import org.tongke.platform.portal.PortalOverview;
import org.tongke.platform.portal.PortalServer;
import org.tongke.platform.portal.PortalSites;
import org.tongke.platform.recorder.LessonPlanSetup;
import org.tongke.platform.signaling.InProcessPlanEvents;
import org.tongke.platform.signaling.TimetableSetup;
import org.tongke.recorder.archive.ArchiveSettings;
import org.tongke.recorder.jobs.RedisJobQueue;
import org.tongke.recorder.library.LibraryExtension;
import org.tongke.recorder.server.RecorderOptions;
import org.tongke.recorder.server.RecorderServer;
import org.tongke.scheduler.api.PlanPublisher;
import org.tongke.scheduler.api.SchedulerServer;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.PlanJson;
import org.tongke.signaling.held.RecorderLink;
import org.tongke.signaling.schedule.LessonRooms;
import org.tongke.signaling.server.ServerOptions;
import org.tongke.signaling.server.SignalingServer;

/**
 * The whole platform in one process on embedded defaults: the scheduler with the demo's
 * timetable, the signaling server with it (in process, no Redis; it reports the lessons its rooms
 * held to the recorder), the recorder with its library (H2 and a folder), an edge agent for each
 * recording classroom of the demo's lessons (FFmpeg test pictures captioned with the school's name
 * and the lesson's time), and the portal.
 */
final class DemoPlatform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlatform.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Duration TOKEN_TTL = Duration.ofHours(12);

    /** How the demo runs; the defaults give a newcomer two minutes to open the portal. */
    record Settings(Path county, Path work, int lessons, Duration startIn, Duration length, Duration gap,
                    Duration segment, int portsFrom) {
    }

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<PortalLesson> lessons = new ArrayList<>();
    private URI portal;

    private DemoPlatform() {
    }

    static DemoPlatform start(County county, Settings settings, PrintWriter err) throws Exception {
        DemoPlatform demo = new DemoPlatform();
        try {
            demo.run(county, settings, err);
            return demo;
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
    }

    private void run(County county, Settings s, PrintWriter err) throws Exception {
        Clock clock = Clock.systemUTC();
        Files.createDirectories(s.work());
        byte[] secret = secret(s.work().resolve("secret.key"));
        TokenIssuer tokens = new TokenIssuer(secret, clock);
        ZonedDateTime first = ZonedDateTime.now(clock.withZone(ZONE)).plus(s.startIn()).withNano(0);
        Plan plan = new DemoTimetable(county).plan(s.lessons(), first, s.length(), s.gap());
        Path planFile = s.work().resolve("plan.json");
        AtomicFile.write(planFile, out -> PlanJson.write(plan, out));

        PlanPublisher.InProcess publisher = new PlanPublisher.InProcess();
        SchedulerServer scheduler = SchedulerServer.start(county, port(s, 1), planFile, publisher, plan, false);
        running.add(scheduler);
        URI schedulerUri = URI.create("http://127.0.0.1:" + scheduler.port() + "/");

        TimetableSetup timetable = TimetableSetup.start(s.county(), null, schedulerUri, null, err)
                .orElseThrow(() -> new IllegalStateException("the signaling server got no timetable"));
        running.add(timetable::close);
        InProcessPlanEvents.connect(publisher, timetable.reloads());
        // The recorder first: the signaling server reports the lessons its rooms held to it.
        Path library = s.work().resolve("library");
        LessonPlanSetup lessonPlan = LessonPlanSetup.start(county, null, schedulerUri, null, clock);
        running.add(lessonPlan);
        InProcessPlanEvents.connect(publisher, lessonPlan.reloads());
        RecorderServer recorder = RecorderServer.start(new RecorderOptions(port(s, 2), null, library, null,
                        Duration.ofSeconds(30), 1, RedisJobQueue.DEFAULT_STALE_AFTER, ArchiveSettings.defaults()),
                new TokenVerifier(secret, clock), clock,
                new LibraryExtension(lessonPlan.lessons(), lessonPlan.reloads()::status, library, secret, clock));
        running.add(recorder);
        URI recorderUri = URI.create("http://127.0.0.1:" + recorder.port() + "/");

        SignalingServer signaling = SignalingServer.start(ServerOptions.defaults().withPort(port(s, 3))
                        .withRecorder(RecorderLink.of(recorderUri.toString(), secret)
                                .withSpool(s.work().resolve("held-lessons"))),
                new TokenVerifier(secret, clock), clock, timetable.timetable(),
                new LessonRooms.Timing(Duration.ofMinutes(5), Duration.ofMinutes(2), LessonRooms.DEFAULT_EVERY));
        running.add(signaling);
        URI signalingUri = URI.create("http://127.0.0.1:" + signaling.port() + "/");

        for (var occurrence : plan.occurrences()) {
            DemoLesson lesson = new DemoLesson(occurrence);
            for (Participant room : lesson.rooms()) {
                running.add(agent(county, s, tokens, lesson, room, signaling.port(), recorder.port()));
            }
            lessons.add(portalLesson(tokens, county.id(), lesson, signalingUri));
        }

        String staff = tokens.issue(Role.STAFF, new Scope(Scope.Type.COUNTY, county.id()), "demo-staff", TOKEN_TTL);
        PortalServer portalServer = PortalServer.start(port(s, 0), new PortalOverview(
                new PortalSites(schedulerUri, signalingUri, recorderUri, staff), lessons,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), clock));
        running.add(portalServer);
        portal = URI.create("http://127.0.0.1:" + portalServer.port() + "/");
    }

    private EdgeAgent agent(County county, Settings s, TokenIssuer tokens, DemoLesson lesson, Participant room,
                            int signalingPort, int recorderPort) throws IOException {
        String classroom = DemoLesson.classroom(room);
        String name = county.school(room.school()).flatMap(school -> school.classroom(room.classroom()))
                .map(c -> c.name()).orElse(room.classroom());
        String caption = room.schoolName() + " " + name + " · " + lesson.occurrence().date() + " "
                + lesson.occurrence().start().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        AgentConfig config = new AgentConfig(classroom,
                tokens.issue(Role.CLASSROOM_AGENT, new Scope(Scope.Type.CLASSROOM, classroom), null, TOKEN_TTL),
                URI.create("ws://127.0.0.1:" + signalingPort + "/ws"), URI.create("http://127.0.0.1:" + recorderPort),
                ZONE, List.of(new SourceSpec.Lavfi("teacher", "testsrc2=size=640x360:rate=15",
                        "sine=frequency=440:sample_rate=48000", caption)),
                new AgentConfig.Storage(s.work().resolve("agents").resolve(room.school() + "_" + room.classroom()),
                        64L * 1024 * 1024, Long.MAX_VALUE, Duration.ofDays(1)),
                new AgentConfig.Recording(Duration.ZERO, Duration.ZERO, s.segment(), "mp4"),
                new AgentConfig.Upload(256 * 1024, List.of()));
        return EdgeAgent.start(config, Clock.systemUTC(), new EdgeAgent.Options("ultrafast", Duration.ofSeconds(5),
                Duration.ofMillis(250)));
    }

    private PortalLesson portalLesson(TokenIssuer tokens, String countyId, DemoLesson lesson, URI signaling) {
        var o = lesson.occurrence();
        List<Participant> rooms = lesson.rooms();
        Participant host = rooms.get(0);
        String teacher = console(signaling, o.id(), tokens.issue(Role.LEAD_TEACHER,
                new Scope(Scope.Type.CLASSROOM, DemoLesson.classroom(host)), subject(host), TOKEN_TTL));
        List<String> rural = new ArrayList<>();
        List<String> ruralSchools = new ArrayList<>();
        for (Participant r : rooms.subList(1, rooms.size())) {
            rural.add(console(signaling, o.id(), tokens.issue(Role.ASSISTANT_TEACHER,
                    new Scope(Scope.Type.CLASSROOM, DemoLesson.classroom(r)), subject(r), TOKEN_TTL)));
            ruralSchools.add(r.schoolName());
        }
        String observer = console(signaling, o.id(), tokens.issue(Role.STAFF,
                new Scope(Scope.Type.COUNTY, countyId), "demo-observer", TOKEN_TTL));
        String title = o.subject() + " · " + host.schoolName() + " " + host.className();
        return new PortalLesson(o.id(), title, o.community(), OffsetDateTime.of(o.date(), o.start(),
                ZONE.getRules().getOffset(o.date().atTime(o.start()))), OffsetDateTime.of(o.date(), o.end(),
                ZONE.getRules().getOffset(o.date().atTime(o.end()))), host.schoolName(), ruralSchools, teacher, rural,
                observer);
    }

    private static String subject(Participant p) {
        return p.teacher() == null ? "classroom:" + DemoLesson.classroom(p) : p.teacher();
    }

    private static String console(URI signaling, String room, String token) {
        return signaling.resolve("/console?room=" + URLEncoder.encode(room, StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)).toString();
    }

    private static int port(Settings s, int offset) {
        return s.portsFrom() == 0 ? 0 : s.portsFrom() + offset;
    }

    /** The demo's signing secret, made once and kept so that links printed before stay valid. */
    private static byte[] secret(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getEncoder().encodeToString(random));
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("No POSIX permissions for {}", file);
            }
        }
        return org.tongke.config.auth.Secrets.read(file);
    }

    URI portal() {
        return portal;
    }

    List<PortalLesson> lessons() {
        return List.copyOf(lessons);
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping part of the demo failed: {}", e.toString());
            }
        }
        running.clear();
    }
}
