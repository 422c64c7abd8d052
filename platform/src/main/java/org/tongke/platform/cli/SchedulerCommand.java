package org.tongke.platform.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tongke.platform.scheduler.CheckCommand;
import org.tongke.platform.scheduler.SolveCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scheduler solve|serve}: the community's one timetable (同步课堂"一张表"). */
@Command(name = "scheduler", mixinStandardHelpOptions = true,
        description = "Build and publish the one timetable of synchronized lessons.",
        subcommands = {SolveCommand.class, CheckCommand.class, SchedulerCommand.Serve.class})
public final class SchedulerCommand {

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the scheduler service.")
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--config", required = true, paramLabel = "DIR", description = "County configuration folder.")
        Path config;
        @Option(names = "--port", paramLabel = "P", defaultValue = "8081", description = "HTTP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Override
        public Integer call() {
            return NotBuilt.report(spec.commandLine().getErr(), "scheduler serve");
        }
    }
}
