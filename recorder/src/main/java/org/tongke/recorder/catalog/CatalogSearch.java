package org.tongke.recorder.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Answers a {@link SearchQuery} from the {@link SearchIndex} in memory, then reads the page's
 * entries from the database by id. Before each search it asks the database for the newest
 * {@code changed_at}; when another process (another recorder worker) wrote since, the entries
 * changed in the meantime are loaded again. The first search loads everything.
 */
final class CatalogSearch {
    static final List<String> FACETS = List.of("type", "community", "school", "subject", "grade", "teacher", "kind",
            "month");
    /** Writers' clocks may lag a little; what changed this long before the newest change is read again. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final DataSource db;
    private final SearchIndex index = new SearchIndex();
    private Timestamp seen;
    private boolean loaded;

    CatalogSearch(DataSource db) {
        this.db = db;
    }

    SearchResult search(SearchQuery query) {
        refresh();
        SearchIndex.Matches matches = index.search(query, FACETS);
        Map<String, List<SearchResult.FacetCount>> facets = new java.util.LinkedHashMap<>();
        matches.facets().forEach((facet, counts) -> {
            List<SearchResult.FacetCount> sorted = new ArrayList<>(counts);
            sorted.sort(order(facet));
            facets.put(facet, sorted);
        });
        return new SearchResult(matches.total(), query.page(), query.pageSize(), entries(matches.page()), facets);
    }

    /** Brings the index up to the database. */
    synchronized void refresh() {
        try (Connection c = db.getConnection()) {
            Timestamp newest;
            try (PreparedStatement s = c.prepareStatement("SELECT MAX(changed_at) FROM catalog_entry");
                    ResultSet row = s.executeQuery()) {
                row.next();
                newest = row.getTimestamp(1);
            }
            if (!loaded) {
                load(c, "1 = 1", null);
                loaded = true;
            } else if (newest != null && (seen == null || newest.after(seen))) {
                Timestamp since = seen == null ? new Timestamp(0) : Timestamp.from(seen.toInstant().minus(CLOCK_MARGIN));
                load(c, "e.changed_at >= ?", since);
            }
            if (newest != null) {
                seen = newest;
            }
        } catch (SQLException e) {
            throw new CatalogException("catalog search index: " + e.getMessage(), e);
        }
    }

    /** Reads one entry into the index again, after this process wrote it. */
    void reload(CatalogEntry entry) {
        try (Connection c = db.getConnection()) {
            load(c, "e.id = ?", entry.id());
        } catch (SQLException e) {
            throw new CatalogException("catalog search index: " + e.getMessage(), e);
        }
    }

    void views(long id, long views) {
        index.views(id, views);
    }

    private void load(Connection c, String condition, Object value) throws SQLException {
        Map<Long, List<String>> terms = new HashMap<>();
        query(c, "SELECT et.entry_id, t.term_text FROM catalog_entry_term et JOIN catalog_term t ON t.id = et.term_id "
                + "JOIN catalog_entry e ON e.id = et.entry_id WHERE " + condition, value,
                row -> terms.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2)));
        Map<Long, List<String[]>> facets = new HashMap<>();
        query(c, "SELECT f.entry_id, f.facet, f.facet_value, f.facet_label FROM catalog_facet f "
                + "JOIN catalog_entry e ON e.id = f.entry_id WHERE " + condition, value,
                row -> facets.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(new String[] {row.getString(2), row.getString(3), row.getString(4)}));
        query(c, "SELECT e.id, e.entry_type, e.sort_date, e.start_time, e.views, e.title FROM catalog_entry e WHERE "
                + condition, value, row -> {
                    long id = row.getLong(1);
                    String start = row.getString(4);
                    index.put(new SearchIndex.Item(id, row.getString(2), (int) row.getDate(3).toLocalDate().toEpochDay(),
                            start == null ? -1 : LocalTime.parse(start.strip()).toSecondOfDay() / 60, row.getLong(5),
                            row.getString(6), terms.getOrDefault(id, List.of()), facets.getOrDefault(id, List.of())));
                });
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection c, String sql, Object value, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (value != null) {
                s.setObject(1, value);
            }
            s.setFetchSize(1000);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private List<CatalogEntry> entries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        Map<Long, CatalogEntry> byId = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + EntryRows.COLUMNS + " FROM catalog_entry e WHERE e.id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    CatalogEntry entry = EntryRows.read(rows);
                    byId.put(entry.id(), entry);
                }
            }
        } catch (SQLException e) {
            throw new CatalogException("catalog search: " + e.getMessage(), e);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Months and grades in their own order; everything else most first. */
    private static Comparator<SearchResult.FacetCount> order(String facet) {
        return switch (facet) {
            case "month" -> Comparator.comparing(SearchResult.FacetCount::value).reversed();
            case "grade" -> Comparator.comparingInt(f -> Integer.parseInt(f.value()));
            default -> Comparator.comparingLong(SearchResult.FacetCount::count).reversed()
                    .thenComparing(SearchResult.FacetCount::label);
        };
    }
}
