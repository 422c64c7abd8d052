package org.tongke.platform.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.platform.config.CountyArgument;
import org.tongke.scheduler.api.PlanPublisher;
import org.tongke.scheduler.api.RedisPlanPublisher;
import org.tongke.scheduler.api.SchedulerServer;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scheduler serve}: the scheduler's HTTP API and page, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the scheduler service: HTTP API, timetable page, calendar feeds.",
            "Stops cleanly on SIGTERM or Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "DIR", description = "County configuration folder.")
    Path config;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8081", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--plan-file", paramLabel = "FILE",
            description = "Where each published plan is saved; loaded at start when it exists.")
    Path planFile;

    @Option(names = "--solve-seconds", paramLabel = "N", defaultValue = "10",
            description = "With no plan to load, solve one at start for up to N seconds and publish it; 0 to wait for a request (default: ${DEFAULT-VALUE}).")
    int solveSeconds;

    @Option(names = "--redis", paramLabel = "URI",
            description = "Also announce each publish on Redis pub/sub (channel tongke:plan:<county>), e.g. redis://127.0.0.1:6379.")
    String redis;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        var county = CountyArgument.load(config, err, "the scheduler did not start");
        if (county.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Plan initial = loadPlan(err);
        CountDownLatch stopped = new CountDownLatch(1);
        RedisPlanPublisher onRedis = redis == null ? null : new RedisPlanPublisher(redis);
        PlanPublisher publisher = onRedis == null ? new PlanPublisher.InProcess()
                : PlanPublisher.all(List.of(new PlanPublisher.InProcess(), onRedis));
        try (SchedulerServer server = SchedulerServer.start(county.get(), port, planFile, publisher, initial);
             AutoCloseable redisClosed = onRedis == null ? () -> { } : onRedis) {
            // The JVM ends when its shutdown hooks do: the hook itself closes the server, then lets main go.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    LOG.warn("Scheduler did not stop cleanly", e);
                } finally {
                    stopped.countDown();
                }
            }, "scheduler-shutdown"));
            if (initial == null && solveSeconds > 0) {
                server.jobs().start(Duration.ofSeconds(solveSeconds), true);
            }
            spec.commandLine().getOut().printf("Scheduler listening on http://127.0.0.1:%d/ (API under /api, health /health, metrics /metrics)%n",
                    server.port());
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private Plan loadPlan(PrintWriter err) throws IOException {
        if (planFile == null || !Files.exists(planFile)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(planFile)) {
            Plan plan = PlanJson.read(in);
            LOG.info("Loaded the published plan from {}", planFile);
            return plan;
        } catch (IOException | RuntimeException e) {
            err.println(planFile + ": not a readable plan (" + e.getMessage() + "); starting without it");
            return null;
        }
    }
}
