package org.tongke.platform.cli;

import org.tongke.platform.recorder.ServeCommand;
import picocli.CommandLine.Command;

/** {@code recorder serve}: ingest, archive and the resource library (资源库). */
@Command(name = "recorder", mixinStandardHelpOptions = true,
        description = "Run the recorder: uploads, archive pipeline and resource library.",
        subcommands = ServeCommand.class)
public final class RecorderCommand {
}
