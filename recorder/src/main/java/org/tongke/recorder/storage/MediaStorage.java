package org.tongke.recorder.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where archives live. An archive is a folder of files named by a relative path
 * ({@code LESSON/SCHOOL/ROOM}); it is built in a local staging folder and published at once.
 */
public interface MediaStorage {
    /** A new, empty local folder to build an archive in; only {@link #publish} makes it visible. */
    Path stage() throws IOException;

    /**
     * Makes the staged folder the archive {@code name}, atomically and durably. Refuses (with
     * {@link ArchiveExists}) when the archive is already there: a published archive is never replaced.
     */
    void publish(Path staged, String name) throws IOException;

    boolean exists(String name);

    /** The published archive's files, relative to it, in name order. */
    List<String> files(String name) throws IOException;

    /** The archive's folder on local disk, when this storage keeps one (object storage will not). */
    Optional<Path> localFolder(String name);

    /** Drops everything staged (a recorder killed mid-job); for a recorder alone on its library, on start. */
    void discardStaged() throws IOException;

    /**
     * Drops staged folders nothing was written to for {@code idle}: left by a worker that died,
     * while the folders of workers still busy stay. For recorders sharing a library.
     */
    void discardStaged(java.time.Duration idle, java.time.Instant now) throws IOException;

    /** A publish of an archive that exists. */
    final class ArchiveExists extends IOException {
        public ArchiveExists(String name) {
            super("archive " + name + " is already published; it is never replaced");
        }
    }
}
