package org.tongke.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @Test
    void demoRefusesImpossibleSettingsWithTheFlagNamed() {
        CommandRun run = CommandRun.of("demo", "--lessons", "0", "--ports-from", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--lessons 0 must be 1 to 10");
    }

    @Test
    void demoRefusesABadDuration() {
        CommandRun run = CommandRun.of("demo", "--start-in", "soon");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--start-in 'soon' is not a duration");
    }

    @Test
    void signalingServeWantsATimetableAndAnHttpAddressForTheRecorder(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "a-secret-of-at-least-thirty-two-bytes-for-tokens");

        CommandRun alone = CommandRun.of("signaling", "serve", "--secret-file", secret.toString(), "--recorder",
                "http://127.0.0.1:8082/");
        CommandRun ftp = CommandRun.of("signaling", "serve", "--secret-file", secret.toString(), "--plan-file",
                dir.resolve("plan.json").toString(), "--recorder", "ftp://127.0.0.1/");

        assertThat(alone.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(alone.err()).contains("--recorder needs a timetable (--plan-file or --scheduler)");
        assertThat(ftp.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(ftp.err()).contains("--recorder ftp://127.0.0.1/ must be the recorder's HTTP address");
        CommandRun spoolAlone = CommandRun.of("signaling", "serve", "--secret-file", secret.toString(), "--held-spool",
                dir.resolve("held").toString());
        assertThat(spoolAlone.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(spoolAlone.err()).contains("--held-spool keeps reports for the recorder: give --recorder too.");
    }

    static List<List<String>> everyCommand() {
        return List.of(List.of(), List.of("config"), List.of("config", "validate"), List.of("config", "export"),
                List.of("config", "generate"), List.of("scheduler"), List.of("scheduler", "solve"),
                List.of("scheduler", "serve"), List.of("signaling"), List.of("signaling", "serve"),
                List.of("recorder"), List.of("recorder", "serve"), List.of("edge-agent"),
                List.of("edge-agent", "run"), List.of("token"), List.of("token", "issue"), List.of("demo"));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void helpWorksEverywhere(List<String> command) {
        String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help"))
                .toArray(String[]::new);

        CommandRun run = CommandRun.of(args);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: classroom-platform");
    }

    @Test
    void missingRequiredOptionIsBadInput() {
        CommandRun run = CommandRun.of("config", "validate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("Missing required option: '--config=DIR'");
    }

    @Test
    void unknownSubcommandIsBadInput() {
        CommandRun run = CommandRun.of("config", "check");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("Unmatched argument");
    }
}
