package org.tongke.platform.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recorder serve}: ingest, archive and the resource library (资源库). */
@Command(name = "recorder", mixinStandardHelpOptions = true,
        description = "Run the recorder: uploads, archive pipeline and resource library.",
        subcommands = RecorderCommand.Serve.class)
public final class RecorderCommand {

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve ingest and the library over HTTP.")
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--port", paramLabel = "P", defaultValue = "8082", description = "HTTP port (default: ${DEFAULT-VALUE}).")
        int port;
        @Option(names = "--db", paramLabel = "JDBC-URL", description = "Catalog database (default: embedded H2).")
        String db;
        @Option(names = "--library", paramLabel = "DIR", description = "Media folder of the library.")
        Path library;
        @Option(names = "--redis", paramLabel = "URI", description = "Redis Streams job queue shared by workers.")
        String redis;

        @Override
        public Integer call() {
            return NotBuilt.report(spec.commandLine().getErr(), "recorder serve");
        }
    }
}
