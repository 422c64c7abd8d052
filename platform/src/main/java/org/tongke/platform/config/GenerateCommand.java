package org.tongke.platform.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tongke.config.county.County;
import org.tongke.config.generate.CountyYamlWriter;
import org.tongke.config.generate.SampleCounties;
import org.tongke.platform.cli.ExitCodes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code config generate}: the Qingtian sample, or a synthetic county of any size. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a generated county configuration folder.",
            "--county qingtian: the real Qingtian communities, with generated schedules and timetables.",
            "--schools N --communities M: a synthetic county, for benchmarks."})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--county", paramLabel = "NAME", description = "A real county: qingtian.")
        String county;
        @ArgGroup(exclusive = false)
        Size size;
    }

    static final class Size {
        @Option(names = "--schools", required = true, paramLabel = "N", description = "Number of schools.")
        int schools;
        @Option(names = "--communities", required = true, paramLabel = "M", description = "Number of communities.")
        int communities;
    }

    @Option(names = "--lessons-per-week", paramLabel = "N", defaultValue = "1",
            description = "Synthetic counties: how often each lesson requirement meets a week, 1 to 5 (default: ${DEFAULT-VALUE}).")
    int lessonsPerWeek;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2021", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (created if missing).")
    Path out;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        County county;
        String how;
        if (source.county != null) {
            if (!source.county.equals("qingtian")) {
                err.println("--county: unknown county '" + source.county + "' (known: qingtian)");
                return ExitCodes.BAD_INPUT;
            }
            county = SampleCounties.qingtian(seed);
            how = "config generate --county qingtian --seed " + seed;
        } else {
            if (source.size.schools < 2 || source.size.schools > 20_000 || source.size.communities < 1
                    || source.size.communities > source.size.schools) {
                err.println("--schools must be 2 to 20000 and --communities 1 to the number of schools");
                return ExitCodes.BAD_INPUT;
            }
            if (lessonsPerWeek < 1 || lessonsPerWeek > 5) {
                err.println("--lessons-per-week must be 1 to 5");
                return ExitCodes.BAD_INPUT;
            }
            county = SampleCounties.synthetic(source.size.schools, source.size.communities, seed, lessonsPerWeek);
            how = "config generate --schools " + source.size.schools + " --communities "
                    + source.size.communities + (lessonsPerWeek > 1 ? " --lessons-per-week " + lessonsPerWeek : "")
                    + " --seed " + seed;
        }
        CountyYamlWriter.write(county, out, how);
        spec.commandLine().getOut().printf("Wrote %s (%d schools, %d communities) to %s%n",
                county.name(), county.schools().size(), county.communities().size(), out);
        return ExitCodes.OK;
    }
}
