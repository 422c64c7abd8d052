package org.tongke.recorder.jobs;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.tongke.recorder.ingest.LessonKey;

/** The {@code archive_job} rows; blocking JDBC, shared by every recorder on the database. */
public final class JobStore {
    private static final String COLUMNS = "id, lesson, classroom, state, progress, attempts, worker, reason, created_at, updated_at";
    /** Long enough for FFmpeg's message and the segment it was about; the column's bound. */
    private static final int MAX_REASON = 4000;

    private final DataSource db;
    private final Clock clock;

    public JobStore(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The job's id: the same lesson and classroom always make the same id, so asking twice is one job. */
    public static String idOf(LessonKey key) {
        byte[] hash = sha256((key.lesson() + "\n" + key.classroom()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 16);
    }

    /** The job of {@code key}, made QUEUED if there was none; an existing job is left as it is. */
    public ArchiveJob enqueue(LessonKey key) {
        String id = idOf(key);
        Optional<ArchiveJob> existing = find(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        long now = clock.millis();
        try {
            update("INSERT INTO archive_job (" + COLUMNS + ") VALUES (?,?,?,'QUEUED',0,0,NULL,NULL,?,?)",
                    id, key.lesson(), key.classroom(), now, now);
        } catch (IllegalStateException raced) {
            // Another recorder inserted it a moment ago: one job still.
        }
        return find(id).orElseThrow();
    }

    public Optional<ArchiveJob> find(String id) {
        return jobs("SELECT " + COLUMNS + " FROM archive_job WHERE id = ?", id).stream().findFirst();
    }

    public List<ArchiveJob> all() {
        return jobs("SELECT " + COLUMNS + " FROM archive_job ORDER BY created_at DESC, id");
    }

    /** Jobs not finished: queued, or running on a worker that may be gone. */
    public List<ArchiveJob> unfinished() {
        return jobs("SELECT " + COLUMNS + " FROM archive_job WHERE state IN ('QUEUED','RUNNING') ORDER BY created_at, id");
    }

    public long count(ArchiveJob.State state) {
        return jobs("SELECT " + COLUMNS + " FROM archive_job WHERE state = ?", state.name()).size();
    }

    /**
     * Takes the job for {@code worker}: a queued one, or a running one nobody touched for
     * {@code quiet} (its worker died). False when another worker holds it, so a job handed out
     * twice runs once.
     */
    public boolean claim(String id, String worker, java.time.Duration quiet) {
        long now = clock.millis();
        return update("UPDATE archive_job SET state = 'RUNNING', progress = 0, attempts = attempts + 1, worker = ?, reason = NULL,"
                + " updated_at = ? WHERE id = ? AND (state = 'QUEUED' OR (state = 'RUNNING' AND updated_at < ?))",
                worker, now, id, now - quiet.toMillis()) == 1;
    }

    /** Jobs a recorder alone on its database left running when it stopped: queued again on start. */
    public int requeueRunning() {
        return update("UPDATE archive_job SET state = 'QUEUED', updated_at = ? WHERE state = 'RUNNING'", clock.millis());
    }

    /** Shows the job is alive (and its progress) so no other worker takes it. */
    public void progress(String id, int percent) {
        update("UPDATE archive_job SET progress = ?, updated_at = ? WHERE id = ? AND state = 'RUNNING'", percent, clock.millis(), id);
    }

    public void done(String id) {
        update("UPDATE archive_job SET state = 'DONE', progress = 100, updated_at = ? WHERE id = ?", clock.millis(), id);
    }

    public void failed(String id, String reason) {
        String shown = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        update("UPDATE archive_job SET state = 'FAILED', reason = ?, updated_at = ? WHERE id = ?", shown, clock.millis(), id);
    }

    /** Puts a failed job back in the queue (an operator fixed its cause). */
    public void retry(String id) {
        update("UPDATE archive_job SET state = 'QUEUED', progress = 0, updated_at = ? WHERE id = ? AND state = 'FAILED'",
                clock.millis(), id);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private List<ArchiveJob> jobs(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                List<ArchiveJob> out = new ArrayList<>();
                while (r.next()) {
                    out.add(new ArchiveJob(r.getString(1), r.getString(2), r.getString(3), ArchiveJob.State.valueOf(r.getString(4)),
                            r.getInt(5), r.getInt(6), r.getString(7), r.getString(8), Instant.ofEpochMilli(r.getLong(9)),
                            Instant.ofEpochMilli(r.getLong(10))));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading archive jobs failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("archive job update failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
