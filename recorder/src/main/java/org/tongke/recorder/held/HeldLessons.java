package org.tongke.recorder.held;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.tongke.recorder.catalog.CatalogException;
import org.tongke.recorder.catalog.Transactions;

/**
 * The held lessons in the catalog database ({@code held_lesson}, {@code held_lesson_classroom}).
 * A report is idempotent: the same report again changes nothing; another report of the same
 * lesson (a later one, from the node that holds its room now) replaces what was kept. Blocking:
 * call it off event loops.
 */
public final class HeldLessons {
    /** SQLSTATE of a unique key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource db;
    private final Clock clock;

    public HeldLessons(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What a report did. */
    public enum Outcome {
        CREATED("created"), UPDATED("updated"), UNCHANGED("unchanged");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Keeps the report; {@code reportedBy} is the subject of the token that sent it. */
    public Outcome record(HeldLesson lesson, String reportedBy) {
        try {
            return inTransaction(c -> write(c, lesson, reportedBy));
        } catch (CatalogException e) {
            if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                // The same lesson's first report arrived twice at once: the other one inserted it.
                return inTransaction(c -> write(c, lesson, reportedBy));
            }
            throw e;
        }
    }

    public Optional<HeldLesson> find(String lessonId) {
        return inTransaction(c -> read(c, lessonId));
    }

    /** Every lesson reported held. */
    public Set<String> lessonIds() {
        return inTransaction(c -> {
            Set<String> ids = new TreeSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT lesson_id FROM held_lesson");
                    ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    private Outcome write(Connection c, HeldLesson lesson, String reportedBy) throws SQLException {
        Optional<HeldLesson> kept = read(c, lesson.lessonId());
        if (kept.isPresent() && kept.get().equals(lesson)) {
            return Outcome.UNCHANGED;
        }
        OffsetDateTime now = utc(clock.instant());
        String sql = kept.isEmpty()
                ? "INSERT INTO held_lesson (started_at, ended_at, ending, node, reported_by, reported_at,"
                        + " first_reported_at, lesson_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE held_lesson SET started_at = ?, ended_at = ?, ending = ?, node = ?, reported_by = ?,"
                        + " reported_at = ? WHERE lesson_id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setObject(i++, utc(lesson.startedAt()));
            s.setObject(i++, utc(lesson.endedAt()));
            s.setString(i++, lesson.ending().word());
            s.setString(i++, lesson.node());
            s.setString(i++, reportedBy);
            s.setObject(i++, now);
            if (kept.isEmpty()) {
                s.setObject(i++, now);
            }
            s.setString(i, lesson.lessonId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM held_lesson_classroom WHERE lesson_id = ?")) {
            s.setString(1, lesson.lessonId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO held_lesson_classroom (lesson_id, classroom, host,"
                + " present, total) VALUES (?, ?, ?, ?, ?)")) {
            for (HeldLesson.Classroom room : lesson.classrooms()) {
                s.setString(1, lesson.lessonId());
                s.setString(2, room.classroom());
                s.setBoolean(3, room.host());
                setInt(s, 4, room.present());
                setInt(s, 5, room.total());
                s.addBatch();
            }
            s.executeBatch();
        }
        return kept.isEmpty() ? Outcome.CREATED : Outcome.UPDATED;
    }

    private static Optional<HeldLesson> read(Connection c, String lessonId) throws SQLException {
        List<HeldLesson.Classroom> classrooms = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT classroom, host, present, total FROM held_lesson_classroom"
                + " WHERE lesson_id = ? ORDER BY host DESC, classroom")) {
            s.setString(1, lessonId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    classrooms.add(new HeldLesson.Classroom(rows.getString(1), rows.getBoolean(2),
                            (Integer) rows.getObject(3, Integer.class), (Integer) rows.getObject(4, Integer.class)));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT started_at, ended_at, ending, node FROM held_lesson"
                + " WHERE lesson_id = ?")) {
            s.setString(1, lessonId);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new HeldLesson(lessonId, row.getObject(1, OffsetDateTime.class).toInstant(),
                        row.getObject(2, OffsetDateTime.class).toInstant(), HeldLesson.Ending.fromWord(row.getString(3)),
                        classrooms, row.getString(4)));
            }
        }
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.run(db, "held lessons", work);
    }

}
