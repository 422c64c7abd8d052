package org.tongke.recorder.catalog;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The statements that write an entry and its facet rows, on a connection inside a transaction. */
final class EntryWriter {
    private static final String METADATA_COLUMNS = "title, lesson_id, community_id, community_name, subject, grade, "
            + "kind, lesson_date, start_time, end_time, rooms_json";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Connection c;
    /** Term ids this transaction has seen, so a batch of entries does not look each text up again. */
    private final Map<String, Long> terms = new java.util.HashMap<>();

    EntryWriter(Connection c) {
        this.c = c;
    }

    long insertLesson(ArchivedLesson a, LessonMetadata m, Timestamp now) throws SQLException {
        String sql = "INSERT INTO catalog_entry (entry_type, " + METADATA_COLUMNS + ", classroom, duration_seconds, "
                + "width, height, bytes, poster_path, thumbnails_path, playlist_path, sort_date, created_at, changed_at) "
                + "VALUES ('lesson', " + placeholders(22) + ")";
        try (PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
            int i = setMetadata(s, m.title(), m);
            s.setString(i++, a.classroom());
            setMedia(s, i, a);
            s.setDate(i + 7, sortDate(m, now));
            s.setTimestamp(i + 8, now);
            s.setTimestamp(i + 9, now);
            long id = insert(s);
            writeTerms(id, terms(m.title(), m, "", null));
            return id;
        }
    }

    long updateLesson(long id, ArchivedLesson a, LessonMetadata m, Timestamp now) throws SQLException {
        String notes = notesOf(id);
        String sql = "UPDATE catalog_entry SET title = ?, lesson_id = ?, community_id = ?, community_name = ?, "
                + "subject = ?, grade = ?, kind = ?, lesson_date = ?, start_time = ?, end_time = ?, rooms_json = ?, "
                + "duration_seconds = ?, width = ?, height = ?, bytes = ?, poster_path = ?, thumbnails_path = ?, "
                + "playlist_path = ?, sort_date = ?, changed_at = ? WHERE id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = setMetadata(s, m.title(), m);
            setMedia(s, i, a);
            s.setDate(i + 7, sortDate(m, createdAt(id)));
            s.setTimestamp(i + 8, now);
            s.setLong(i + 9, id);
            s.executeUpdate();
        }
        writeTerms(id, terms(m.title(), m, notes, null));
        return id;
    }

    long insertResource(NewResource r, Timestamp now) throws SQLException {
        String sql = "INSERT INTO catalog_entry (entry_type, " + METADATA_COLUMNS + ", resource_kind, file_name, "
                + "file_path, media_type, bytes, preview_path, attached_to, notes, sort_date, created_by, created_at, "
                + "changed_at) VALUES ('resource', " + placeholders(23) + ")";
        try (PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
            int i = setMetadata(s, r.title(), r.metadata());
            s.setString(i++, r.kind().word());
            s.setString(i++, r.fileName());
            s.setString(i++, r.path());
            s.setString(i++, r.mediaType());
            s.setLong(i++, r.bytes());
            s.setString(i++, r.previewPath());
            if (r.attachedTo() == null) {
                s.setNull(i++, Types.BIGINT);
            } else {
                s.setLong(i++, r.attachedTo());
            }
            String notes = r.notes() == null ? "" : r.notes();
            s.setString(i++, notes);
            s.setDate(i++, sortDate(r.metadata(), now));
            s.setString(i++, r.uploadedBy());
            s.setTimestamp(i++, now);
            s.setTimestamp(i, now);
            long id = insert(s);
            writeTerms(id, terms(r.title(), r.metadata(), notes, r.fileName()));
            return id;
        }
    }

    void updateNotes(CatalogEntry e, String notes, Timestamp now) throws SQLException {
        String fileName = e.resource() == null ? null : e.resource().fileName();
        try (PreparedStatement s = c.prepareStatement("UPDATE catalog_entry SET notes = ?, changed_at = ? WHERE id = ?")) {
            s.setString(1, notes);
            s.setTimestamp(2, now);
            s.setLong(3, e.id());
            s.executeUpdate();
        }
        writeTerms(e.id(), SearchText.terms(Stream.concat(
                Stream.of(e.title(), e.communityName(), e.subject(), Grades.chinese(e.grade()), notes, fileName),
                roomParts(e.rooms()))));
    }

    /** Replaces the entry's searchable texts, adding each text not yet known to {@code catalog_term}. */
    void writeTerms(long id, List<String> texts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM catalog_entry_term WHERE entry_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO catalog_entry_term (term_id, entry_id) VALUES (?, ?)")) {
            for (long term : new java.util.TreeSet<>(texts.stream().map(this::termIdUnchecked).toList())) {
                s.setLong(1, term);
                s.setLong(2, id);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private long termIdUnchecked(String text) {
        try {
            return termId(text);
        } catch (SQLException e) {
            throw new CatalogException("catalog term '" + text + "': " + e.getMessage(), e);
        }
    }

    private long termId(String text) throws SQLException {
        Long known = terms.get(text);
        if (known != null) {
            return known;
        }
        String hash = SearchText.hash(text);
        Long found = findTerm(hash);
        if (found == null) {
            // Another writer may add the same text at the same moment: the unique hash decides,
            // and a savepoint keeps this transaction alive (PostgreSQL aborts it on any error).
            java.sql.Savepoint savepoint = c.setSavepoint();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO catalog_term (term_hash, term_text) VALUES (?, ?)",
                    new String[] {"id"})) {
                s.setString(1, hash);
                s.setString(2, text);
                found = insert(s);
                c.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                c.rollback(savepoint);
                found = findTerm(hash);
                if (found == null) {
                    throw e;
                }
            }
        }
        terms.put(text, found);
        return found;
    }

    private Long findTerm(String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM catalog_term WHERE term_hash = ?")) {
            s.setString(1, hash);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    private Timestamp createdAt(long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT created_at FROM catalog_entry WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getTimestamp(1);
            }
        }
    }

    private static Date sortDate(LessonMetadata m, Timestamp now) {
        return m.date() != null ? Date.valueOf(m.date())
                : Date.valueOf(now.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    }

    /** Replaces the entry's facet rows: one per filterable value. */
    void writeFacets(long id, CatalogEntry.Type type, LessonMetadata m) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM catalog_facet WHERE entry_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        Map<String, String[]> rows = new LinkedHashMap<>();
        put(rows, "type", type.word(), type.word());
        put(rows, "community", m.communityId(), m.communityName());
        put(rows, "subject", m.subject(), m.subject());
        put(rows, "grade", m.grade() > 0 ? Integer.toString(m.grade()) : null, Grades.chinese(m.grade()));
        put(rows, "kind", m.kind() == null ? null : m.kind().word(), m.kind() == null ? null : m.kind().word());
        put(rows, "month", m.date() == null ? null : m.date().format(MONTH), m.date() == null ? null : m.date().format(MONTH));
        for (Room room : m.rooms()) {
            put(rows, "school", room.schoolId(), room.schoolName());
            put(rows, "teacher", room.teacherKey(), room.teacherName());
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO catalog_facet (entry_id, facet, facet_value, facet_label) VALUES (?, ?, ?, ?)")) {
            for (String[] row : rows.values()) {
                s.setLong(1, id);
                s.setString(2, row[0]);
                s.setString(3, row[1]);
                s.setString(4, row[2]);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void put(Map<String, String[]> rows, String facet, String value, String label) {
        if (value != null && !value.isBlank()) {
            rows.putIfAbsent(facet + "\u0000" + value, new String[] {facet, value, label == null ? value : label});
        }
    }

    static List<String> terms(String title, LessonMetadata m, String notes, String fileName) {
        return SearchText.terms(Stream.concat(
                Stream.of(title, m.communityName(), m.subject(), Grades.chinese(m.grade()), notes, fileName),
                roomParts(m.rooms())));
    }

    private static Stream<String> roomParts(List<Room> rooms) {
        return rooms.stream().flatMap(r -> Stream.of(r.schoolName(), r.className(), r.teacherName()));
    }

    private int setMetadata(PreparedStatement s, String title, LessonMetadata m) throws SQLException {
        s.setString(1, title);
        s.setString(2, m.lessonId());
        s.setString(3, m.communityId());
        s.setString(4, m.communityName());
        s.setString(5, m.subject());
        Catalog.setNullableInt(s, 6, m.grade() > 0 ? m.grade() : null);
        s.setString(7, m.kind() == null ? null : m.kind().word());
        s.setDate(8, m.date() == null ? null : Date.valueOf(m.date()));
        s.setString(9, m.start() == null ? null : m.start().format(TIME));
        s.setString(10, m.end() == null ? null : m.end().format(TIME));
        s.setString(11, RoomsJson.write(m.rooms()));
        return 12;
    }

    private static void setMedia(PreparedStatement s, int i, ArchivedLesson a) throws SQLException {
        s.setInt(i, a.durationSeconds());
        s.setInt(i + 1, a.width());
        s.setInt(i + 2, a.height());
        s.setLong(i + 3, a.bytes());
        s.setString(i + 4, a.posterPath());
        s.setString(i + 5, a.thumbnailsPath());
        s.setString(i + 6, a.masterPlaylistPath());
    }

    private String notesOf(long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT notes FROM catalog_entry WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : "";
            }
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static long insert(PreparedStatement s) throws SQLException {
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no id for the new entry");
            }
            return keys.getLong(1);
        }
    }
}
