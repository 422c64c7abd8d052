package org.tongke.platform.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code token issue}: signed tokens for consoles and agents. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Mint access tokens.",
        subcommands = TokenCommand.Issue.class)
public final class TokenCommand {

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Mint a signed token for a role and scope.")
    static final class Issue implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--role", required = true, paramLabel = "R",
                description = "lead-teacher, assistant-teacher, classroom-agent or staff.")
        String role;
        @Option(names = "--scope", required = true, paramLabel = "S", description = "School, classroom or lesson id.")
        String scope;
        @Option(names = "--ttl", paramLabel = "D", defaultValue = "PT12H", description = "Lifetime, ISO-8601 (default: ${DEFAULT-VALUE}).")
        String ttl;
        @Option(names = "--secret-file", required = true, paramLabel = "F", description = "File holding the signing secret.")
        Path secretFile;

        @Override
        public Integer call() {
            return NotBuilt.report(spec.commandLine().getErr(), "token issue");
        }
    }
}
