package org.tongke.platform.cli;

import org.tongke.platform.agent.RunCommand;
import picocli.CommandLine.Command;

/** {@code edge-agent run}: the daemon in a recording classroom (录播教室). */
@Command(name = "edge-agent", mixinStandardHelpOptions = true,
        description = "Run a recording classroom's edge agent.",
        subcommands = RunCommand.class)
public final class EdgeAgentCommand {
}
