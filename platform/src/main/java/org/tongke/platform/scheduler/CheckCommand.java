package org.tongke.platform.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.platform.cli.Words;
import org.tongke.platform.config.CountyArgument;
import org.tongke.scheduler.check.PlanChecker;
import org.tongke.scheduler.check.Violation;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scheduler check}: every hard rule a plan file breaks against a configuration. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a plan file against a county configuration, independently of the solver.",
            "Exits 0 when no hard rule is broken, 1 when some are (each printed), 2 on unreadable input."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "DIR", description = "County configuration folder.")
    Path config;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "Plan file (JSON) to check.")
    Path planFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var county = CountyArgument.load(config, err, "nothing was checked");
        if (county.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Plan plan;
        try (InputStream in = Files.newInputStream(planFile)) {
            plan = PlanJson.read(in);
        } catch (NoSuchFileException e) {
            err.println(planFile + ": no such file");
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (IOException | RuntimeException e) {
            err.println(planFile + ": not a readable plan: " + e.getMessage().lines().findFirst().orElse(""));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        List<Violation> violations = PlanChecker.check(county.get(), plan);
        violations.forEach(out::println);
        out.printf("%s: %s%n", planFile, violations.isEmpty() ? "no hard rule broken"
                : Words.count(violations.size(), "hard rule") + " broken");
        out.flush();
        return violations.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
