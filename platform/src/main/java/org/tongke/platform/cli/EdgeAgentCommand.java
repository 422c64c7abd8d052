package org.tongke.platform.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edge-agent run}: the daemon in a recording classroom (录播教室). */
@Command(name = "edge-agent", mixinStandardHelpOptions = true,
        description = "Run a recording classroom's edge agent.",
        subcommands = EdgeAgentCommand.Run.class)
public final class EdgeAgentCommand {

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Record on schedule and upload every segment.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--config", required = true, paramLabel = "FILE", description = "Agent configuration (agent.yaml).")
        Path config;

        @Override
        public Integer call() {
            return NotBuilt.report(spec.commandLine().getErr(), "edge-agent run");
        }
    }
}
