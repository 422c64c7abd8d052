package org.tongke.config.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aWriterThatClosesItsStreamStillLeavesTheWholeFileAndNoTemporaryOne() throws IOException {
        Path target = dir.resolve("sub/state.json");
        // Jackson closes the stream it writes to.
        AtomicFile.write(target, out -> new ObjectMapper().writeValue(out, Map.of("version", 17)));
        AtomicFile.write(target, out -> new ObjectMapper().writeValue(out, Map.of("version", 18)));

        assertThat(Files.readString(target)).isEqualTo("{\"version\":18}");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFile() throws IOException {
        Path target = dir.resolve("state.json");
        AtomicFile.write(target, out -> out.write("old".getBytes()));
        try {
            AtomicFile.write(target, out -> {
                out.write("half".getBytes());
                throw new IOException("disk full");
            });
        } catch (IOException expected) {
            assertThat(expected).hasMessage("disk full");
        }
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
