package org.tongke.platform.token;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenIssuer;
import org.tongke.config.auth.TokenRejected;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code token issue}: one signed token on standard output, nothing else, so scripts can capture it. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Mint a signed token (JWT, HS256) for a role and scope; prints it as one line.",
            "Exits 2, naming the option, when an option or the secret file is wrong."})
public final class IssueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "R",
            description = "lead-teacher, assistant-teacher, classroom-agent or staff.")
    String role;

    @Option(names = "--scope", required = true, paramLabel = "S",
            description = "county:ID, school:ID, classroom:SCHOOL/CLASSROOM or lesson:ID.")
    String scope;

    @Option(names = "--ttl", paramLabel = "D", defaultValue = "PT12H",
            description = "Lifetime, ISO-8601 or short (90m, 12h, 7d); at most 366 days (default: ${DEFAULT-VALUE}).")
    String ttl;

    @Option(names = "--secret-file", required = true, paramLabel = "F",
            description = "File holding the signing secret, at least 32 bytes (trailing newline ignored).")
    Path secretFile;

    @Option(names = "--subject", paramLabel = "X", description = "Person or agent id (default: the scope).")
    String subject;

    @Override
    public Integer call() {
        try {
            Role r = option("--role", () -> Role.fromWord(role));
            Scope s = option("--scope", () -> Scope.parse(scope));
            Duration d = option("--ttl", () -> TtlText.parse(ttl));
            String x = subject == null ? null : option("--subject", () -> Identity.requireSubject(subject));
            byte[] secret = option("--secret-file", () -> Secrets.read(secretFile));
            PrintWriter out = spec.commandLine().getOut();
            out.println(new TokenIssuer(secret, Clock.systemUTC()).issue(r, s, x, d));
            out.flush();
            return ExitCodes.OK;
        } catch (BadOption e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
    }

    /** Runs one option's check; its failure becomes a line that names the option. */
    private static <T> T option(String name, Supplier<T> check) {
        try {
            return check.get();
        } catch (TokenRejected | IllegalArgumentException | UncheckedIOException e) {
            throw new BadOption(name + ": " + e.getMessage());
        }
    }

    private static final class BadOption extends RuntimeException {
        BadOption(String message) {
            super(message, null, false, false);
        }
    }
}
