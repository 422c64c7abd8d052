package org.tongke.recorder.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * An archive the pipeline has published: one lesson as one recording classroom recorded it.
 * Paths are relative to the library folder, with '/' separators: {@code posterPath} an image,
 * {@code thumbnailsPath} a folder of thumbnail images taken at regular intervals (named so that
 * their names sort in time order), {@code masterPlaylistPath} the HLS master playlist whose
 * renditions and segments lie in its folder or below it.
 */
public record ArchivedLesson(
        String lessonId,
        String classroom,
        int durationSeconds,
        int width,
        int height,
        String posterPath,
        String thumbnailsPath,
        String masterPlaylistPath,
        long bytes,
        Instant archivedAt) {

    public ArchivedLesson {
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(classroom, "classroom");
        Objects.requireNonNull(masterPlaylistPath, "masterPlaylistPath");
        Objects.requireNonNull(archivedAt, "archivedAt");
        if (!classroom.matches("[^/]+/[^/]+")) {
            throw new IllegalArgumentException("classroom '" + classroom + "' is not SCHOOL/ROOM");
        }
        if (durationSeconds < 0 || bytes < 0) {
            throw new IllegalArgumentException("duration and size cannot be negative");
        }
    }

    /** The school part of {@code SCHOOL/ROOM}. */
    public String school() {
        return classroom.substring(0, classroom.indexOf('/'));
    }
}
