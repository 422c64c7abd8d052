package org.tongke.platform.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code signaling serve}: the WebSocket server where live lessons run. */
@Command(name = "signaling", mixinStandardHelpOptions = true,
        description = "Run the signaling server for live lessons.",
        subcommands = SignalingCommand.Serve.class)
public final class SignalingCommand {

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve agents and consoles over WebSocket.")
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--port", paramLabel = "P", defaultValue = "8443", description = "Port (default: ${DEFAULT-VALUE}).")
        int port;
        @Option(names = "--redis", paramLabel = "URI", description = "Redis for presence and routing across nodes.")
        String redis;
        @Option(names = "--tls-cert", paramLabel = "FILE", description = "TLS certificate (PEM).")
        Path tlsCert;
        @Option(names = "--tls-key", paramLabel = "FILE", description = "TLS private key (PEM).")
        Path tlsKey;

        @Override
        public Integer call() {
            return NotBuilt.report(spec.commandLine().getErr(), "signaling serve");
        }
    }
}
