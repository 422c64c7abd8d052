package org.tongke.platform.cli;

import org.tongke.platform.token.IssueCommand;
import picocli.CommandLine.Command;

/** {@code token issue}: signed tokens for consoles and agents. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Mint access tokens.",
        subcommands = IssueCommand.class)
public final class TokenCommand {
}
