package org.tongke.recorder.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The uploads' and manifests' rows (migration {@code V1__ingest_and_jobs.sql}); blocking JDBC. */
public final class IngestStore {
    private static final String UPLOAD_COLUMNS =
            "id, lesson, classroom, source, segment, filename, sha256, upload_length, upload_offset, state, created_at";

    private final DataSource db;

    public IngestStore(DataSource db) {
        this.db = db;
    }

    /** A manifest as received, with whether its archive was already asked for. */
    public record StoredManifest(LessonKey key, String body, Instant receivedAt, boolean queued) {
    }

    public void insert(Upload upload) {
        SegmentKey k = upload.key();
        update("INSERT INTO ingest_upload (" + UPLOAD_COLUMNS + ", updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                upload.id(), k.lesson(), k.classroom(), k.source(), k.segment(), upload.metadata().filename(),
                upload.metadata().sha256(), upload.length(), upload.offset(), upload.state().name(),
                upload.createdAt().toEpochMilli(), upload.createdAt().toEpochMilli());
    }

    public Optional<Upload> find(String id) {
        return uploads("SELECT " + UPLOAD_COLUMNS + " FROM ingest_upload WHERE id = ?", id).stream().findFirst();
    }

    public Optional<Upload> find(SegmentKey k) {
        return uploads("SELECT " + UPLOAD_COLUMNS + " FROM ingest_upload WHERE lesson = ? AND classroom = ? AND source = ? AND segment = ?",
                k.lesson(), k.classroom(), k.source(), k.segment()).stream().findFirst();
    }

    /** The lesson's stored segments, by source and index. */
    public List<Upload> stored(LessonKey key) {
        return uploads("SELECT " + UPLOAD_COLUMNS + " FROM ingest_upload WHERE lesson = ? AND classroom = ? AND state = 'STORED'"
                + " ORDER BY source, segment", key.lesson(), key.classroom());
    }

    public void updateOffset(String id, long offset, Instant now) {
        update("UPDATE ingest_upload SET upload_offset = ?, updated_at = ? WHERE id = ?", offset, now.toEpochMilli(), id);
    }

    public void markStored(String id, Instant now) {
        update("UPDATE ingest_upload SET state = 'STORED', updated_at = ? WHERE id = ?", now.toEpochMilli(), id);
    }

    public void delete(String id) {
        update("DELETE FROM ingest_upload WHERE id = ?", id);
    }

    /** Saves (or replaces) the manifest; a replaced one asks for its archive again. */
    public void putManifest(LessonKey key, String body, Instant now) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            execute(c, "DELETE FROM ingest_manifest WHERE lesson = ? AND classroom = ?", key.lesson(), key.classroom());
            execute(c, "INSERT INTO ingest_manifest (lesson, classroom, body, received_at, queued) VALUES (?,?,?,?,FALSE)",
                    key.lesson(), key.classroom(), body, now.toEpochMilli());
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("saving the manifest of " + key + " failed: " + e.getMessage(), e);
        }
    }

    public Optional<StoredManifest> manifest(LessonKey key) {
        return manifests("SELECT lesson, classroom, body, received_at, queued FROM ingest_manifest WHERE lesson = ? AND classroom = ?",
                key.lesson(), key.classroom()).stream().findFirst();
    }

    /** Manifests whose archive is not asked for yet, oldest first. */
    public List<StoredManifest> waiting() {
        return manifests("SELECT lesson, classroom, body, received_at, queued FROM ingest_manifest WHERE queued = FALSE ORDER BY received_at");
    }

    public void markQueued(LessonKey key) {
        update("UPDATE ingest_manifest SET queued = TRUE WHERE lesson = ? AND classroom = ?", key.lesson(), key.classroom());
    }

    private List<Upload> uploads(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            List<Upload> out = new ArrayList<>();
            while (r.next()) {
                SegmentKey key = new SegmentKey(r.getString(2), r.getString(3), r.getString(4), r.getInt(5));
                out.add(new Upload(r.getString(1), new UploadMetadata(key, r.getString(6), r.getString(7)), r.getLong(8),
                        r.getLong(9), Upload.State.valueOf(r.getString(10)), Instant.ofEpochMilli(r.getLong(11))));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading uploads failed: " + e.getMessage(), e);
        }
    }

    private List<StoredManifest> manifests(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql, args); ResultSet r = s.executeQuery()) {
            List<StoredManifest> out = new ArrayList<>();
            while (r.next()) {
                out.add(new StoredManifest(new LessonKey(r.getString(1), r.getString(2)), r.getString(3),
                        Instant.ofEpochMilli(r.getLong(4)), r.getBoolean(5)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading manifests failed: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.getConnection()) {
            execute(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException("ingest database update failed: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
