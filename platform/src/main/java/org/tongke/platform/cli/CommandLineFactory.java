package org.tongke.platform.cli;

import picocli.CommandLine;

/** Builds the command line with the exit codes and error handling every subcommand shares. */
public final class CommandLineFactory {
    private CommandLineFactory() {
    }

    private static void giveVersionToEverySubcommand(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new VersionProvider());
            giveVersionToEverySubcommand(sub);
        }
    }

    public static CommandLine create() {
        CommandLine cli = new CommandLine(new TongkeCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            // A failure the command did not expect: one line for the user, no stack trace.
            line.getErr().println(line.getCommandName() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        });
        giveVersionToEverySubcommand(cli);
        return cli;
    }
}
