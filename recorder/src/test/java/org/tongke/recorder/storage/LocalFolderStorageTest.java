package org.tongke.recorder.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderStorageTest {
    @TempDir
    Path root;

    @Test
    void publishesAStagedFolderWholeAndNeverReplacesAPublishedArchive() throws Exception {
        LocalFolderStorage storage = new LocalFolderStorage(root);
        Path staged = storage.stage();
        Files.createDirectories(staged.resolve("teacher"));
        Files.writeString(staged.resolve("teacher/master.m3u8"), "#EXTM3U\n");
        assertThat(storage.exists("qt%231/wuzhong/lubo")).isFalse();

        storage.publish(staged, "qt%231/wuzhong/lubo");

        assertThat(storage.files("qt%231/wuzhong/lubo")).containsExactly("teacher/master.m3u8");
        assertThat(staged).doesNotExist();
        Path again = storage.stage();
        Files.writeString(again.resolve("manifest.json"), "{}");
        assertThatThrownBy(() -> storage.publish(again, "qt%231/wuzhong/lubo")).isInstanceOf(MediaStorage.ArchiveExists.class);
        assertThat(storage.files("qt%231/wuzhong/lubo")).containsExactly("teacher/master.m3u8");
        assertThatThrownBy(() -> storage.exists("../outside")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discardsOnlyStagingLeftQuietLongerThanTheIdleTime() throws Exception {
        LocalFolderStorage storage = new LocalFolderStorage(root);
        Path dead = storage.stage();
        Files.writeString(dead.resolve("seg00000.ts"), "x");
        Instant old = Instant.now().minus(Duration.ofHours(2));
        Files.setLastModifiedTime(dead.resolve("seg00000.ts"), FileTime.from(old));
        Files.setLastModifiedTime(dead, FileTime.from(old));
        Path busy = storage.stage();
        Files.writeString(busy.resolve("seg00000.ts"), "x");

        storage.discardStaged(Duration.ofHours(1), Instant.now());

        assertThat(dead).doesNotExist();
        assertThat(busy).exists();
    }
}
