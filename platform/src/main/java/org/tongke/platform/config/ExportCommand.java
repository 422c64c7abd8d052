package org.tongke.platform.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tongke.config.export.AtomicFile;
import org.tongke.config.export.CountyJson;
import org.tongke.platform.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code config export}: the whole resolved county as one JSON document. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the resolved county as one JSON document (to standard output, or --out).")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "DIR", description = "County configuration folder.")
    Path config;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        var county = CountyArgument.load(config, spec.commandLine().getErr(), "nothing was exported");
        if (county.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        if (out == null) {
            CountyJson.write(county.get(), new NonClosing(System.out));
            System.out.println();
            System.out.flush();
            return ExitCodes.OK;
        }
        AtomicFile.write(out, file -> CountyJson.write(county.get(), file));
        return ExitCodes.OK;
    }

    /** Jackson closes what it writes to; standard output must stay open. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
