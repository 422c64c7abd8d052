package org.tongke.recorder.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the library as stored: an archived lesson ({@link Type#LESSON}) or a teaching
 * resource ({@link Type#RESOURCE}), both with the lesson metadata. Media paths are relative to
 * the library folder; fields of the other type are {@code null}.
 */
public record CatalogEntry(
        long id,
        Type type,
        String title,
        String lessonId,
        String classroom,
        String communityId,
        String communityName,
        String subject,
        int grade,
        LessonKind kind,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        List<Room> rooms,
        Media media,
        ResourceFile resource,
        Long attachedTo,
        String notes,
        long views,
        String createdBy,
        Instant createdAt) {

    /** What an entry is; {@link #word()} is its form in the API and the database. */
    public enum Type {
        LESSON("lesson"), RESOURCE("resource");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Type fromWord(String word) {
            for (Type type : values()) {
                if (type.word.equals(word)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("entry type '" + word + "' is not lesson or resource");
        }
    }

    /** An archived lesson's media. */
    public record Media(int durationSeconds, int width, int height, long bytes, String posterPath,
            String thumbnailsPath, String playlistPath) {
    }

    /** A resource's file and, for a PDF, its first-page preview image. */
    public record ResourceFile(ResourceKind kind, String fileName, String path, String mediaType, long bytes,
            String previewPath) {
    }

    public CatalogEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        rooms = List.copyOf(rooms);
        notes = notes == null ? "" : notes;
    }
}
