package org.tongke.recorder.catalog;

import java.util.Objects;

/**
 * A teaching resource to catalog, its file already stored in the library folder. It takes the
 * metadata of the lesson it is attached to ({@code metadata}, resolved from {@code lessonId}),
 * or, standing alone, the metadata its uploader gave.
 */
public record NewResource(
        String title,
        ResourceKind kind,
        LessonMetadata metadata,
        Long attachedTo,
        String fileName,
        String path,
        String mediaType,
        long bytes,
        String previewPath,
        String notes,
        String uploadedBy) {

    public NewResource {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
