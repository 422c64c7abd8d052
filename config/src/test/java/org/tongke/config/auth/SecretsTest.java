package org.tongke.config.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void readsTheSecretWithoutItsTrailingLineEnd() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), SECRET + "\r\n");

        assertThat(new String(Secrets.read(file), StandardCharsets.US_ASCII)).isEqualTo(SECRET);
    }

    @Test
    void refusesAShortSecretNamingTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("short"), SECRET.substring(1) + "\n");

        assertThatThrownBy(() -> Secrets.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("secret file " + file + " is too short: 31 bytes, at least 32 are needed");
    }

    @Test
    void refusesAMissingFileNamingIt() {
        Path file = dir.resolve("missing");

        assertThatThrownBy(() -> Secrets.read(file)).hasMessage("secret file " + file + " does not exist");
    }

    @Test
    void refusesAFileTooBigToBeASecret() throws Exception {
        Path file = Files.writeString(dir.resolve("big"), "x".repeat(Secrets.MAX_BYTES + 1));

        assertThatThrownBy(() -> Secrets.read(file)).hasMessageContaining("is longer than 4096 bytes");
    }
}
