package org.tongke.platform.cli;

import picocli.CommandLine.Command;

/** The top of the command tree; every component is a subcommand. */
@Command(
        name = "classroom-platform",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Tongke (同课): synchronized classrooms for county education communities (教共体).",
            "Run a subcommand with --help for its options."
        },
        subcommands = {
            ConfigCommand.class,
            SchedulerCommand.class,
            SignalingCommand.class,
            RecorderCommand.class,
            EdgeAgentCommand.class,
            TokenCommand.class,
            org.tongke.platform.demo.DemoCommand.class
        })
public final class TongkeCommand {
}
