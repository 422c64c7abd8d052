package org.tongke.platform.config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.tongke.config.county.County;
import org.tongke.config.validate.CountyValidator;
import org.tongke.config.validate.ValidatedCounty;
import org.tongke.platform.cli.Words;

/** The {@code --config DIR} every command takes: the county, or all its errors printed and nothing else done. */
public final class CountyArgument {
    private CountyArgument() {
    }

    /** The valid county; otherwise prints every error and {@code "N errors in DIR; <consequence>."}. */
    public static Optional<County> load(Path config, PrintWriter err, String consequence) {
        ValidatedCounty validated = CountyValidator.validate(config);
        if (validated.usable()) {
            return validated.county();
        }
        validated.problems().errors().forEach(err::println);
        err.printf("%s in %s; %s.%n", Words.count(validated.problems().errorCount(), "error"), config, consequence);
        err.flush();
        return Optional.empty();
    }
}
