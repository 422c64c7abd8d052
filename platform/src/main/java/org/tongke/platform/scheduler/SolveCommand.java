package org.tongke.platform.scheduler;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tongke.config.county.County;
import org.tongke.config.export.AtomicFile;
import org.tongke.platform.config.CountyArgument;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.PlanJson;
import org.tongke.scheduler.publish.SchedulerService;
import org.tongke.scheduler.solver.TimetableSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scheduler solve}: the term's one timetable into a plan file. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Solve the school year's one timetable of synchronized lessons into a plan file (JSON).",
            "Prints the best score as it improves, then a summary; exits 2 on an invalid configuration."})
public final class SolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "DIR", description = "County configuration folder.")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Plan file to write (JSON).")
    Path out;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "30",
            description = "Longest time to search (default: ${DEFAULT-VALUE}); stops sooner once the plan stops improving.")
    int seconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (seconds < 1 || seconds > 3600) {
            err.println("--seconds must be 1 to 3600");
            return ExitCodes.BAD_INPUT;
        }
        var loaded = CountyArgument.load(config, err, "nothing was solved");
        if (loaded.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        County county = loaded.get();
        Plan plan = new SchedulerService(county).solve(TimetableSolver.Limits.of(Duration.ofSeconds(seconds)), Map.of(),
                p -> {
                    err.printf("  %6.1f s  best score %s%n", p.elapsed().toMillis() / 1000.0, p.score());
                    err.flush();
                });
        AtomicFile.write(out, file -> PlanJson.write(plan, file));
        PlanSummary.print(spec.commandLine().getOut(), county, plan, out);
        return ExitCodes.OK;
    }
}
