package org.tongke.platform.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.tongke.config.export.CountyJson;
import org.tongke.config.validate.CountyValidator;
import org.tongke.config.validate.ValidatedCounty;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.platform.cli.Words;
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
        ValidatedCounty result = CountyValidator.validate(config);
        if (!result.usable()) {
            var err = spec.commandLine().getErr();
            result.problems().errors().forEach(err::println);
            err.printf("%s in %s; nothing was exported.%n", Words.count(result.problems().errorCount(), "error"), config);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (out == null) {
            CountyJson.write(result.orThrow(), new NonClosing(System.out));
            System.out.println();
            System.out.flush();
            return ExitCodes.OK;
        }
        // Written beside the target and moved into place, so a reader never sees half a file.
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".export-", ".json.part");
        try (OutputStream file = Files.newOutputStream(partial)) {
            CountyJson.write(result.orThrow(), file);
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
