package org.tongke.platform.signaling;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.platform.cli.DurationText;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.signaling.cluster.ClusterOptions;
import org.tongke.signaling.held.RecorderLink;
import org.tongke.signaling.ice.IceConfig;
import org.tongke.signaling.schedule.LessonRooms;
import org.tongke.signaling.schedule.ScheduleSource;
import org.tongke.signaling.server.ServerOptions;
import org.tongke.signaling.server.SignalingServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code signaling serve}: the WebSocket server for live lessons, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve agents and consoles over WebSocket (/ws), with /health, /metrics, /api/classrooms and the"
            + " staff page /classrooms.",
            "With --plan-file or --scheduler: each recording classroom's agent gets its schedule, and lesson rooms open"
            + " from the published timetable.",
            "Alone, rooms and sessions live in memory on this node; with --redis, several nodes share them: each room"
            + " runs on the node holding its lease, and a node's rooms and sessions go on elsewhere when it dies.",
            "Stops cleanly on SIGTERM or Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;
    @Option(names = "--port", paramLabel = "P", defaultValue = "8443", description = "Port; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--secret-file", required = true, paramLabel = "FILE", description = "The token signing secret (the file 'token issue' uses).")
    Path secretFile;
    @Option(names = "--redis", paramLabel = "URI", description = "Redis shared by every node of the county"
            + " (redis://HOST:PORT): rooms, sessions and messages across nodes; with --scheduler or --plan-file also the"
            + " scheduler's plan-published events (channel tongke:plan:<county>).")
    String redis;
    @Option(names = "--node-id", paramLabel = "ID", description = "This node's id among those sharing --redis: 1 to 64"
            + " letters, digits, '.', '_', '-' (default: HOSTNAME-PID).")
    String nodeId;
    @Option(names = "--room-lease", paramLabel = "D", defaultValue = "10s", description = "With --redis: how long a room's"
            + " owner lease lasts unrenewed, so how soon another node takes over the rooms of a node that died: 10s, 1m,"
            + " PT2.5S; 0.3 seconds to 5 minutes (default: ${DEFAULT-VALUE}).")
    String roomLease;
    @Option(names = "--config", paramLabel = "DIR", description = "The county configuration: its recording classrooms and"
            + " school names (without it, the classrooms the plan names).")
    Path config;
    @Option(names = "--plan-file", paramLabel = "FILE", description = "A plan as 'scheduler solve --out' writes it; read at"
            + " start (when --scheduler does not answer) and on each plan event without --scheduler.")
    Path planFile;
    @Option(names = "--scheduler", paramLabel = "URL", description = "The scheduler (http://HOST:PORT): its published plan"
            + " (GET /api/plan) is read at start and on each plan event.")
    URI scheduler;
    @Option(names = "--resume-grace", paramLabel = "D", defaultValue = "30s", description = "How long a dropped connection's"
            + " session waits to be resumed: 30s, 2m, PT30S; 0 to 10 minutes (default: ${DEFAULT-VALUE}).")
    String resumeGrace;
    @Option(names = "--lesson-lead", paramLabel = "D", defaultValue = "10m", description = "How long before a lesson of the"
            + " timetable its room opens; 0 to 2 hours (default: ${DEFAULT-VALUE}).")
    String lessonLead;
    @Option(names = "--lesson-linger", paramLabel = "D", defaultValue = "15m", description = "How long after a lesson's"
            + " end its empty room closes; 0 to 2 hours (default: ${DEFAULT-VALUE}).")
    String lessonLinger;
    @Option(names = "--tls-cert", paramLabel = "FILE", description = "TLS certificate chain (PEM); with --tls-key.")
    Path tlsCert;
    @Option(names = "--tls-key", paramLabel = "FILE", description = "TLS private key (PEM, PKCS#8); with --tls-cert.")
    Path tlsKey;
    @Option(names = "--stun", paramLabel = "URL", description = "A STUN server for WebRTC (stun:HOST:PORT); repeatable.")
    List<String> stun = new ArrayList<>();
    @Option(names = "--turn", paramLabel = "URL", description = "A TURN server (turn:HOST:PORT?transport=udp); repeatable; needs --turn-secret-file.")
    List<String> turn = new ArrayList<>();
    @Option(names = "--turn-secret-file", paramLabel = "FILE", description = "coturn's static-auth-secret (use-auth-secret), for time-limited TURN credentials.")
    Path turnSecretFile;
    @Option(names = "--turn-ttl", paramLabel = "D", defaultValue = "12h", description = "How long a TURN credential stays valid: 12h, 90m, 1d, PT12H (default: ${DEFAULT-VALUE}).")
    String turnTtl;
    @Option(names = "--bridge", paramLabel = "URL", description = "A Jitsi Videobridge's private HTTP API with Colibri2 over"
            + " REST (http://HOST:8080/); repeatable. With one, lessons of three classrooms or more go through the least"
            + " loaded healthy bridge; without, they stay peer to peer (see docs/media.md).")
    List<String> bridges = new ArrayList<>();
    @Option(names = "--recorder", paramLabel = "URL", description = "The recorder (http://HOST:8082/): each lesson that"
            + " ran in a room of the timetable is reported to it when it ends (POST /api/lessons/{id}/held), retried"
            + " while it is away, so its report counts lessons held live without a recording. Needs --plan-file or"
            + " --scheduler.")
    String recorder;
    @Option(names = "--held-spool", paramLabel = "DIR", description = "With --recorder: a folder that keeps the lessons"
            + " waiting for the recorder, one file each, so that a restart of this node loses none (without it they wait"
            + " in memory).")
    Path heldSpool;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (redis == null && (nodeId != null || spec.commandLine().getParseResult().hasMatchedOption("--room-lease"))) {
            return fail(err, "--node-id and --room-lease go with --redis.");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            return fail(err, "--tls-cert and --tls-key go together.");
        }
        if (heldSpool != null && recorder == null) {
            return fail(err, "--held-spool keeps reports for the recorder: give --recorder too.");
        }
        if (recorder != null && planFile == null && scheduler == null) {
            return fail(err, "--recorder needs a timetable (--plan-file or --scheduler): the recorder counts the"
                    + " timetable's lessons.");
        }
        TokenVerifier tokens;
        byte[] secret;
        try {
            secret = Secrets.read(secretFile);
            tokens = new TokenVerifier(secret, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        IceConfig ice;
        try {
            ice = new IceConfig(stun, turn, turnSecretFile == null ? null : Secrets.read(turnSecretFile),
                    IceConfig.parseTtl(turnTtl));
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        LessonRooms.Timing timing;
        ServerOptions options;
        try {
            timing = new LessonRooms.Timing(DurationText.parse(lessonLead, "--lesson-lead", Duration.ofHours(2)),
                    DurationText.parse(lessonLinger, "--lesson-linger", Duration.ofHours(2)), LessonRooms.DEFAULT_EVERY);
            options = ServerOptions.defaults().withPort(port).withTls(tlsCert, tlsKey).withIce(ice)
                    .withResumeGrace(DurationText.parse(resumeGrace, "--resume-grace", Duration.ofMinutes(10)))
                    .withBridges(bridgeApis(bridges))
                    .withRecorder(recorder == null ? null : withSpool(RecorderLink.of(recorder, secret)));
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        ClusterOptions cluster;
        try {
            cluster = redis == null ? null : new ClusterOptions(redis, nodeId == null ? ClusterOptions.defaultNode()
                    : nodeId, DurationText.parse(roomLease, "--room-lease", Duration.ofMinutes(5)));
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        Optional<TimetableSetup> timetable;
        try {
            timetable = TimetableSetup.start(config, planFile, scheduler, redis, err);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return fail(err, e.getMessage());
        }
        if (timetable == null) {
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        SignalingServer server;
        try {
            server = SignalingServer.start(options, tokens, Clock.systemUTC(),
                    timetable.map(TimetableSetup::timetable).map(ScheduleSource.class::cast).orElse(ScheduleSource.none()),
                    timing, cluster);
            SignalingServer started = server;
            timetable.ifPresent(t -> started.service().plan(t.reloads()::status));
        } catch (IllegalArgumentException | IllegalStateException e) {
            timetable.ifPresent(TimetableSetup::close);
            return fail(err, e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                timetable.ifPresent(TimetableSetup::close);
            } catch (Exception e) {
                LOG.warn("Signaling server did not stop cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "signaling-shutdown"));
        String scheme = options.tls() ? "wss" : "ws";
        spec.commandLine().getOut().printf("Signaling server listening on %s://127.0.0.1:%d/ws (health /health, metrics /metrics)%n",
                scheme, server.port());
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private RecorderLink withSpool(RecorderLink link) {
        return heldSpool == null ? link : link.withSpool(heldSpool);
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** Each --bridge as an http(s) URL with a host, or a message naming the flag and the value. */
    static List<java.net.URI> bridgeApis(List<String> values) {
        List<java.net.URI> apis = new ArrayList<>();
        for (String value : values) {
            java.net.URI uri;
            try {
                uri = java.net.URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--bridge " + value + " is not a URL: " + e.getMessage());
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("--bridge " + value + " must be the bridge's private HTTP API,"
                        + " like http://10.0.0.5:8080/");
            }
            apis.add(uri);
        }
        return apis;
    }
}
