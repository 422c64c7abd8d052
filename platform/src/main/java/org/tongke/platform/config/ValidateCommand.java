package org.tongke.platform.config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tongke.config.diagnostic.Problem;
import org.tongke.config.validate.CountySummary;
import org.tongke.config.validate.CountyValidator;
import org.tongke.config.validate.ValidatedCounty;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.platform.cli.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code config validate}: every problem of a configuration folder at once, or its summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a county configuration folder.",
            "Prints a summary and exits 0, or prints every error with file:line and exits 2."})
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "DIR", description = "County configuration folder.")
    Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ValidatedCounty result = CountyValidator.validate(config);
        if (!result.usable()) {
            printAll(err, result.problems().errors());
            err.printf("%s in %s; fix them and validate again.%n", Words.count(result.problems().errorCount(), "error"), config);
            printWarnings(err, result.problems().warnings());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        out.println("Configuration " + config + " is valid.");
        out.println(CountySummary.of(result.orThrow()).describe());
        printWarnings(out, result.problems().warnings());
        out.flush();
        return ExitCodes.OK;
    }

    private static void printWarnings(PrintWriter to, List<Problem> warnings) {
        if (!warnings.isEmpty()) {
            to.printf("%s:%n", Words.count(warnings.size(), "warning"));
            warnings.forEach(w -> to.println("  " + w));
        }
    }

    private static void printAll(PrintWriter to, List<Problem> errors) {
        errors.forEach(to::println);
    }
}
