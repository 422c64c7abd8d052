package org.tongke.recorder.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes and reads catalog entries: publishes archives (a second publication of the same
 * lesson and classroom replaces the media and keeps the notes and views), catalogs resources,
 * counts views and keeps staff notes. Thread-safe; every call blocks on JDBC.
 */
public final class Catalog {
    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);
    public static final int MAX_NOTES_LENGTH = 4000;

    private final DataSource db;
    private final Clock clock;
    private final CatalogSearch search;

    public Catalog(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.search = new CatalogSearch(db);
    }

    /** The catalog's database, which other features of the library keep their tables in. */
    public DataSource dataSource() {
        return db;
    }

    /** Catalogs an archive with its lesson's metadata; returns the entry. */
    public CatalogEntry publish(ArchivedLesson archive, LessonMetadata lesson) {
        return inTransaction(c -> {
            Optional<Long> existing = archiveId(c, archive.lessonId(), archive.classroom());
            EntryWriter writer = new EntryWriter(c);
            Timestamp now = Timestamp.from(clock.instant());
            long id = existing.isPresent()
                    ? writer.updateLesson(existing.get(), archive, lesson, now)
                    : writer.insertLesson(archive, lesson, now);
            writer.writeFacets(id, CatalogEntry.Type.LESSON, lesson);
            LOG.info("Catalogued lesson {} from {} as entry {}", archive.lessonId(), archive.classroom(), id);
            return find(c, id).orElseThrow();
        }, search::reload);
    }

    /**
     * Catalogs many archives in one transaction (an import, a rebuilt catalog, the benchmark);
     * returns how many. Same rules as {@link #publish}.
     */
    public int publishAll(List<Map.Entry<ArchivedLesson, LessonMetadata>> archives) {
        inTransaction(c -> {
            EntryWriter writer = new EntryWriter(c);
            Timestamp now = Timestamp.from(clock.instant());
            for (Map.Entry<ArchivedLesson, LessonMetadata> a : archives) {
                Optional<Long> existing = archiveId(c, a.getKey().lessonId(), a.getKey().classroom());
                long id = existing.isPresent()
                        ? writer.updateLesson(existing.get(), a.getKey(), a.getValue(), now)
                        : writer.insertLesson(a.getKey(), a.getValue(), now);
                writer.writeFacets(id, CatalogEntry.Type.LESSON, a.getValue());
            }
            return archives.size();
        });
        return archives.size();
    }

    /** Catalogs a resource whose file is already in the library folder. */
    public CatalogEntry addResource(NewResource resource) {
        return inTransaction(c -> {
            EntryWriter writer = new EntryWriter(c);
            long id = writer.insertResource(resource, Timestamp.from(clock.instant()));
            writer.writeFacets(id, CatalogEntry.Type.RESOURCE, resource.metadata());
            return find(c, id).orElseThrow();
        }, search::reload);
    }

    public Optional<CatalogEntry> find(long id) {
        return inTransaction(c -> find(c, id));
    }

    /** The resources attached to an entry, oldest first. */
    public List<CatalogEntry> attachedTo(long entryId) {
        return inTransaction(c -> {
            List<CatalogEntry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + EntryRows.COLUMNS + " FROM catalog_entry e WHERE e.attached_to = ? ORDER BY e.id")) {
                s.setLong(1, entryId);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        out.add(EntryRows.read(rows));
                    }
                }
            }
            return out;
        });
    }

    /** Counts one view (点播); returns the new count, or empty when there is no such entry. */
    public Optional<Long> countView(long id) {
        Optional<Long> views = inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE catalog_entry SET views = views + 1, changed_at = ? WHERE id = ?")) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.setLong(2, id);
                if (s.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return find(c, id).map(CatalogEntry::views);
        });
        views.ifPresent(n -> search.views(id, n));
        return views;
    }

    /** Replaces an entry's staff notes (searchable); empty when there is no such entry. */
    public Optional<CatalogEntry> setNotes(long id, String notes) {
        if (notes.length() > MAX_NOTES_LENGTH) {
            throw new IllegalArgumentException("notes are " + notes.length() + " characters; at most "
                    + MAX_NOTES_LENGTH + " are kept");
        }
        return inTransaction(c -> {
            Optional<CatalogEntry> entry = find(c, id);
            if (entry.isEmpty()) {
                return entry;
            }
            new EntryWriter(c).updateNotes(entry.get(), notes, Timestamp.from(clock.instant()));
            return find(c, id);
        }).map(e -> {
            search.reload(e);
            return e;
        });
    }

    /** The lesson ids that have at least one archived recording, for the delivered-lesson report. */
    public Set<String> archivedLessonIds() {
        return inTransaction(c -> {
            Set<String> ids = new TreeSet<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT DISTINCT lesson_id FROM catalog_entry WHERE entry_type = 'lesson'");
                    ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    public SearchResult search(SearchQuery query) {
        return search.search(query);
    }

    private static Optional<CatalogEntry> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + EntryRows.COLUMNS + " FROM catalog_entry e WHERE e.id = ?")) {
            s.setLong(1, id);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(EntryRows.read(row)) : Optional.empty();
            }
        }
    }

    private static Optional<Long> archiveId(Connection c, String lessonId, String classroom) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM catalog_entry WHERE lesson_id = ? AND classroom = ? AND entry_type = 'lesson'")) {
            s.setString(1, lessonId);
            s.setString(2, classroom);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }


    /** Runs the work, then tells the search index about the entry it wrote (after the commit). */
    private CatalogEntry inTransaction(Transactions.Work<CatalogEntry> work, java.util.function.Consumer<CatalogEntry> committed) {
        CatalogEntry entry = inTransaction(work);
        committed.accept(entry);
        return entry;
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.run(db, "catalog database", work);
    }

    static void setNullableInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }
}
