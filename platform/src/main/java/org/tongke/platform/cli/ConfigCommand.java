package org.tongke.platform.cli;

import org.tongke.platform.config.ExportCommand;
import org.tongke.platform.config.GenerateCommand;
import org.tongke.platform.config.ValidateCommand;
import picocli.CommandLine.Command;

/** {@code config validate|export|generate}: the county configuration. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Check, export or generate a county configuration (配置).",
        subcommands = {ValidateCommand.class, ExportCommand.class, GenerateCommand.class})
public final class ConfigCommand {
}
