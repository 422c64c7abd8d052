package org.tongke.recorder.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.testing.SettableClock;
import org.tongke.recorder.testing.LibraryServer;

class MediaUrlSignerTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2021-12-01T02:00:00Z"));
    private final MediaUrlSigner signer = new MediaUrlSigner(LibraryServer.SECRET, clock, Duration.ofHours(4));

    @TempDir
    Path dir;

    @Test
    void aFileUrlHoldsForThatFileOnly() {
        String url = signer.file("lessons/a/poster.jpg");

        assertThat(signer.verify(signed(url))).isEqualTo("lessons/a/poster.jpg");
        assertThatThrownBy(() -> signer.verify(signed(url).replace("poster.jpg", "other.jpg")))
                .isInstanceOfSatisfying(MediaUrlRejected.class, e -> assertThat(e.reason())
                        .isEqualTo(MediaUrlRejected.Reason.BAD_SIGNATURE));
        assertThatThrownBy(() -> signer.verify(signed(url) + "/deeper.jpg"))
                .isInstanceOfSatisfying(MediaUrlRejected.class, e -> assertThat(e.reason())
                        .isEqualTo(MediaUrlRejected.Reason.BAD_SIGNATURE));
    }

    @Test
    void aFolderUrlHoldsForEverythingBelowTheFolderAndNothingBeside() {
        String url = signer.inFolder("lessons/a", "master.m3u8");
        String prefix = signed(url).substring(0, signed(url).indexOf('/'));

        assertThat(signer.verify(prefix + "/lessons/a/720p/seg001.ts")).isEqualTo("lessons/a/720p/seg001.ts");
        assertThatThrownBy(() -> signer.verify(prefix + "/lessons/b/master.m3u8"))
                .isInstanceOfSatisfying(MediaUrlRejected.class, e -> assertThat(e.reason())
                        .isEqualTo(MediaUrlRejected.Reason.BAD_SIGNATURE));
    }

    @Test
    void expiresAfterItsLifetime() {
        String url = signer.file("lessons/a/poster.jpg");
        clock.advance(Duration.ofHours(4));

        assertThatThrownBy(() -> signer.verify(signed(url))).isInstanceOfSatisfying(MediaUrlRejected.class,
                e -> assertThat(e.reason()).isEqualTo(MediaUrlRejected.Reason.EXPIRED));
    }

    @Test
    void refusesDotDotAndEncodedEscapesBeforeAnySignatureIsChecked() {
        String prefix = signed(signer.inFolder("lessons/a", "master.m3u8")).split("/")[0];

        for (String path : new String[] {"lessons/a/../../etc/passwd", "lessons/a/%2e%2e/%2E%2E/x", "lessons/a//x",
                "lessons/a/..%5c..%5cx", "lessons/a/%00"}) {
            assertThatThrownBy(() -> signer.verify(prefix + "/" + path)).as(path)
                    .isInstanceOfSatisfying(MediaUrlRejected.class, e -> assertThat(e.reason())
                            .isEqualTo(MediaUrlRejected.Reason.BAD_PATH));
        }
    }

    @Test
    void resolvesOnlyRegularFilesInsideTheLibraryNotThroughLinksOut() throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        Files.writeString(dir.resolve("outside.txt"), "secret");
        Files.createDirectories(library.resolve("lessons"));
        Files.writeString(library.resolve("lessons/in.txt"), "ok");
        Files.createSymbolicLink(library.resolve("lessons/link.txt"), dir.resolve("outside.txt"));

        assertThat(LibraryPaths.resolve(library, "lessons/in.txt")).hasContent("ok");
        assertThatThrownBy(() -> LibraryPaths.resolve(library, "lessons/link.txt")).isInstanceOf(MediaUrlRejected.class)
                .hasMessageContaining("links out of the library");
        assertThatThrownBy(() -> LibraryPaths.resolve(library, "lessons/none.txt"))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    private static String signed(String url) {
        return url.substring(MediaUrlSigner.PREFIX.length());
    }
}
