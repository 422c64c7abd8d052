package org.tongke.platform.cli;

import org.tongke.platform.signaling.ServeCommand;
import picocli.CommandLine.Command;

/** {@code signaling serve}: the WebSocket server where live lessons run. */
@Command(name = "signaling", mixinStandardHelpOptions = true,
        description = "Run the signaling server for live lessons.",
        subcommands = ServeCommand.class)
public final class SignalingCommand {
}
