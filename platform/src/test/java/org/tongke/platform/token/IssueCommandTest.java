package org.tongke.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongke.platform.cli.CommandRun;
import org.tongke.platform.cli.ExitCodes;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenVerifier;

class IssueCommandTest {
    @TempDir
    Path dir;

    Path secret;

    @BeforeEach
    void writeSecret() throws Exception {
        secret = Files.writeString(dir.resolve("secret"), "Zm9yLXRlc3RzLW9ubHktYS1zaGFyZWQtc2VjcmV0LWZvci1oczI1Ng\n");
        ownerOnly(secret);
    }

    static void ownerOnly(Path file) throws Exception {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    CommandRun issue(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "token";
        args[1] = "issue";
        System.arraycopy(options, 0, args, 2, options.length);
        return CommandRun.of(args);
    }

    Identity verify(String token) {
        return new TokenVerifier(Secrets.read(secret), Clock.systemUTC()).verify(token);
    }

    @Test
    void printsOneTokenThatTheServerAccepts() {
        Instant before = Instant.now();

        CommandRun run = issue("--role", "classroom-agent", "--scope", "classroom:renzhuang-zhenzhong/lubo",
                "--secret-file", secret.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.out()).endsWith(System.lineSeparator()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\R");
        Identity identity = verify(run.out().strip());
        assertThat(identity.role()).isEqualTo(Role.CLASSROOM_AGENT);
        assertThat(identity.scope()).isEqualTo(Scope.parse("classroom:renzhuang-zhenzhong/lubo"));
        assertThat(identity.subject()).isEqualTo("classroom:renzhuang-zhenzhong/lubo");
        assertThat(Duration.between(identity.issuedAt(), identity.expiresAt())).isEqualTo(Duration.ofHours(12));
        assertThat(identity.issuedAt()).isBetween(before.minusSeconds(1), Instant.now());
    }

    @ParameterizedTest
    @CsvSource({"PT30M, 1800", "90m, 5400", "12h, 43200", "7d, 604800", "P7D, 604800", "45s, 45", "pt2h, 7200"})
    void ttlTakesIsoAndShortForms(String ttl, long seconds) {
        CommandRun run = issue("--role", "staff", "--scope", "county:qingtian", "--ttl", ttl,
                "--secret-file", secret.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        Identity identity = verify(run.out().strip());
        assertThat(Duration.between(identity.issuedAt(), identity.expiresAt())).hasSeconds(seconds);
    }

    @Test
    void subjectNamesThePerson() {
        CommandRun run = issue("--role", "lead-teacher", "--scope", "lesson:qt-01-sync-rengong-fenxiao#1",
                "--subject", "he-yonghui", "--secret-file", secret.toString());

        assertThat(verify(run.out().strip()).subject()).isEqualTo("he-yonghui");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--role|teacher|--role: role 'teacher' is not one of lead-teacher, assistant-teacher, classroom-agent, staff",
        "--scope|qingtian|--scope: scope 'qingtian' needs a type: county:ID, school:ID, classroom:SCHOOL/CLASSROOM, lesson:ID",
        "--scope|classroom:lubo|--scope: classroom id 'lubo' is not of the form SCHOOL/CLASSROOM",
        "--ttl|12x|--ttl: '12x' is not a lifetime: write PT12H, 90m, 12h or 7d",
        "--ttl|0s|--ttl: lifetime PT0S is not between 1 second and 366 days",
        "--ttl|400d|--ttl: lifetime PT9600H is not between 1 second and 366 days",
        "--subject|' '|--subject: subject ' ' must be 1 to 200 characters"})
    void wrongOptionIsOneLineNamingItAndExitsTwo(String option, String value, String message) {
        CommandRun run = CommandRun.of(withOption(option, value));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().startsWith(message);
        assertThat(run.out()).isEmpty();
    }

    private String[] withOption(String option, String value) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--role", "staff");
        options.put("--scope", "county:qingtian");
        options.put("--secret-file", secret.toString());
        options.put(option, value);
        return Stream.concat(Stream.of("token", "issue"),
                options.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())))
                .toArray(String[]::new);
    }

    @Test
    void shortSecretFileIsRefusedWithTheFileNamed() throws Exception {
        Path shortSecret = Files.writeString(dir.resolve("short-secret"), "too-short\n");

        CommandRun run = issue("--role", "staff", "--scope", "county:qingtian", "--secret-file", shortSecret.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("--secret-file: secret file " + shortSecret + " is too short: 9 bytes, at least 32 are needed");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingSecretFileIsRefusedWithTheFileNamed() {
        Path missing = dir.resolve("nowhere");

        CommandRun run = issue("--role", "staff", "--scope", "county:qingtian", "--secret-file", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).isEqualTo("--secret-file: secret file " + missing + " does not exist" + System.lineSeparator());
    }

    @Test
    void missingRequiredOptionIsBadInput() {
        CommandRun run = issue("--role", "staff", "--secret-file", secret.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("Missing required option: '--scope=S'");
    }
}
