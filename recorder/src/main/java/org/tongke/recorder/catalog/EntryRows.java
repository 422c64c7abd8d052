package org.tongke.recorder.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalTime;

/** Reads a {@code catalog_entry} row into a {@link CatalogEntry}. */
final class EntryRows {
    /** Every column {@link #read} needs, for {@code SELECT}. */
    static final String COLUMNS = "e.id, e.entry_type, e.title, e.lesson_id, e.classroom, e.community_id, "
            + "e.community_name, e.subject, e.grade, e.kind, e.lesson_date, e.start_time, e.end_time, "
            + "e.duration_seconds, e.width, e.height, e.bytes, e.poster_path, e.thumbnails_path, e.playlist_path, "
            + "e.resource_kind, e.file_name, e.file_path, e.media_type, e.preview_path, e.attached_to, e.rooms_json, "
            + "e.notes, e.views, e.created_by, e.created_at";

    private EntryRows() {
    }

    static CatalogEntry read(ResultSet row) throws SQLException {
        CatalogEntry.Type type = CatalogEntry.Type.fromWord(row.getString("entry_type"));
        java.sql.Date date = row.getDate("lesson_date");
        long attached = row.getLong("attached_to");
        Long attachedTo = row.wasNull() ? null : attached;
        Timestamp created = row.getTimestamp("created_at");
        return new CatalogEntry(row.getLong("id"), type, row.getString("title"), row.getString("lesson_id"),
                row.getString("classroom"), row.getString("community_id"), row.getString("community_name"),
                row.getString("subject"), row.getInt("grade"),
                LessonKind.fromWord(row.getString("kind")).orElse(null),
                date == null ? null : date.toLocalDate(), time(row.getString("start_time")),
                time(row.getString("end_time")), RoomsJson.read(row.getString("rooms_json")),
                type == CatalogEntry.Type.LESSON ? media(row) : null,
                type == CatalogEntry.Type.RESOURCE ? resource(row) : null, attachedTo, row.getString("notes"),
                row.getLong("views"), row.getString("created_by"), created.toInstant());
    }

    private static CatalogEntry.Media media(ResultSet row) throws SQLException {
        return new CatalogEntry.Media(row.getInt("duration_seconds"), row.getInt("width"), row.getInt("height"),
                row.getLong("bytes"), row.getString("poster_path"), row.getString("thumbnails_path"),
                row.getString("playlist_path"));
    }

    private static CatalogEntry.ResourceFile resource(ResultSet row) throws SQLException {
        return new CatalogEntry.ResourceFile(ResourceKind.fromWord(row.getString("resource_kind")).orElseThrow(),
                row.getString("file_name"), row.getString("file_path"), row.getString("media_type"),
                row.getLong("bytes"), row.getString("preview_path"));
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text.strip());
    }
}
