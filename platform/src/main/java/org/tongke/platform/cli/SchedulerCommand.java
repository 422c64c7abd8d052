package org.tongke.platform.cli;

import org.tongke.platform.scheduler.CheckCommand;
import org.tongke.platform.scheduler.ServeCommand;
import org.tongke.platform.scheduler.SolveCommand;
import picocli.CommandLine.Command;

/** {@code scheduler solve|serve}: the community's one timetable (同步课堂"一张表"). */
@Command(name = "scheduler", mixinStandardHelpOptions = true,
        description = "Build and publish the one timetable of synchronized lessons.",
        subcommands = {SolveCommand.class, CheckCommand.class, ServeCommand.class})
public final class SchedulerCommand {
}
