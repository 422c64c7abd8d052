package org.tongke.platform.recorder;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenVerifier;
import org.tongke.config.validate.CountyValidator;
import org.tongke.config.validate.ValidatedCounty;
import org.tongke.platform.cli.DurationText;
import org.tongke.recorder.library.LibraryExtension;
import org.tongke.recorder.server.RecorderExtension;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.recorder.archive.ArchiveSettings;
import org.tongke.recorder.jobs.RedisJobQueue;
import org.tongke.recorder.server.RecorderOptions;
import org.tongke.recorder.server.RecorderServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recorder serve}: ingest, archive jobs and (later) the library, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve tus ingest (/api/uploads/), archive jobs (/api/admin/jobs), /health and /metrics over HTTP.",
            "Stops cleanly on SIGTERM or Ctrl-C; an archive job cut off is done again on the next start."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;
    @Option(names = "--port", paramLabel = "P", defaultValue = "8082", description = "HTTP port; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--db", paramLabel = "JDBC-URL", description = "Database: jdbc:postgresql://HOST/DB?user=U&password=W (default: embedded H2 in the library folder).")
    String db;
    @Option(names = "--library", paramLabel = "DIR", defaultValue = "library", description = "Media folder of the library (default: ${DEFAULT-VALUE}).")
    Path library;
    @Option(names = "--redis", paramLabel = "URI", description = "Redis Streams job queue shared by several recorders"
            + " (default: in-process); with the library also the scheduler's plan-published events (channel"
            + " tongke:plan:<county>).")
    String redis;
    @Option(names = "--secret-file", required = true, paramLabel = "FILE", description = "The token signing secret (the file 'token issue' uses).")
    Path secretFile;
    @Option(names = "--archive-wait", paramLabel = "D", defaultValue = "2h", description = "How long a manifest waits for missing segments before the lesson is archived without them: 90s, 30m, 2h (default: ${DEFAULT-VALUE}).")
    String archiveWait;
    @Option(names = "--workers", paramLabel = "N", defaultValue = "1", description = "Archive jobs run at once by this recorder (default: ${DEFAULT-VALUE}).")
    int workers;
    @Option(names = "--config", paramLabel = "DIR", description = "The county configuration: names of schools, teachers and"
            + " communities for the library. With --plan-file or --scheduler it turns the library on.")
    Path config;
    @Option(names = "--plan-file", paramLabel = "FILE", description = "The published plan ('scheduler solve --out'): each"
            + " archived lesson's community, classes, teachers and time in the library; read at start (when --scheduler"
            + " does not answer) and on each plan event without --scheduler.")
    Path planFile;
    @Option(names = "--scheduler", paramLabel = "URL", description = "The scheduler (http://HOST:PORT): its published plan"
            + " (GET /api/plan), read at start and again on each plan event.")
    URI scheduler;

    private LessonPlanSetup plan;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        RecorderOptions options;
        TokenVerifier tokens;
        RecorderExtension[] extensions;
        try {
            byte[] secret = Secrets.read(secretFile);
            tokens = new TokenVerifier(secret, Clock.systemUTC());
            extensions = library(secret, err);
            options = new RecorderOptions(port, db, library, redis,
                    DurationText.parse(archiveWait, "--archive-wait", Duration.ofDays(7)), workers,
                    RedisJobQueue.DEFAULT_STALE_AFTER, ArchiveSettings.defaults());
        } catch (IllegalArgumentException | IllegalStateException e) {
            closePlan();
            return fail(err, e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        RecorderServer server;
        try {
            server = RecorderServer.start(options, tokens, Clock.systemUTC(), extensions);
        } catch (IllegalArgumentException e) {
            closePlan();
            return fail(err, e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                closePlan();
            } catch (Exception e) {
                LOG.warn("Recorder did not stop cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "recorder-shutdown"));
        spec.commandLine().getOut().printf("Recorder listening on http://127.0.0.1:%d (tus /api/uploads/, health /health, metrics /metrics)%n",
                server.port());
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** The library, when the county and the plan are given; without them the recorder only ingests and archives. */
    private RecorderExtension[] library(byte[] secret, PrintWriter err) {
        if ((config == null) != (planFile == null && scheduler == null)) {
            throw new IllegalArgumentException("--config and --plan-file or --scheduler go together: the library names"
                    + " each archived lesson from the plan and the county");
        }
        if (config == null) {
            err.println("No --config and --plan-file or --scheduler: the library (search, pages, report) is off;"
                    + " uploads are archived.");
            return new RecorderExtension[0];
        }
        ValidatedCounty county = CountyValidator.validate(config);
        if (!county.usable()) {
            throw new IllegalArgumentException("--config " + config + " has errors; run 'config validate --config "
                    + config + "' to see them");
        }
        plan = LessonPlanSetup.start(county.orThrow(), planFile, scheduler, redis, Clock.systemUTC());
        return new RecorderExtension[] {new LibraryExtension(plan.lessons(), plan.reloads()::status, library, secret,
                Clock.systemUTC())};
    }

    private void closePlan() {
        if (plan != null) {
            plan.close();
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
