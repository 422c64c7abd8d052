package org.tongke.platform.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.platform.cli.CommandRun;
import org.tongke.platform.cli.ExitCodes;

class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBadConfigurationIsReportedByFileLineAndFieldAndExitsTwo() throws Exception {
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, """
                classroom: wuzhong/lubo
                tokenFile: missing.token
                signaling: ws://127.0.0.1:8443/ws
                recorder: ftp://127.0.0.1
                storage: {dir: store}
                sources: []
                """);
        CommandRun run = CommandRun.of("edge-agent", "run", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(config + ":2 tokenFile: cannot read")
                .contains(config + ":4 recorder: 'ftp://127.0.0.1' is not a http or https URL with a host")
                .contains(config + ":6 sources: at least one source is needed");
    }

    @Test
    void aMissingConfigurationFileIsSaidSo() {
        CommandRun run = CommandRun.of("edge-agent", "run", "--config", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("nope.yaml: file is missing");
    }
}
