package org.tongke.platform.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code demo}: the whole platform on embedded defaults with the Qingtian sample. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole platform on embedded defaults (no Redis, PostgreSQL or camera needed).")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return NotBuilt.report(spec.commandLine().getErr(), "demo");
    }
}
