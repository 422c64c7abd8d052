package org.tongke.platform.agent;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tongke.agent.run.EdgeAgent;
import org.tongke.platform.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edge-agent run}: records the classroom on schedule and delivers every segment, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Record on schedule and upload every segment.",
            "Stops cleanly on SIGTERM or Ctrl-C, finishing the segments being written."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Agent configuration (agent.yaml).")
    Path config;

    @Override
    public Integer call() throws Exception {
        int code = EdgeAgent.runUntilStopped(config, spec.commandLine().getOut(), spec.commandLine().getErr());
        return code == EdgeAgent.EXIT_OK ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
}
