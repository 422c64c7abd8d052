package org.tongke.recorder.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Runs a {@link SearchQuery} as three statements on one connection: the count, the page, and
 * one GROUP BY over the facet rows of every matching entry. Each typed word must occur in the
 * normalized search text ({@code LIKE '%word%'}, the same on H2 and PostgreSQL).
 */
final class CatalogSearch {
    private static final List<String> FACETS = List.of("type", "community", "school", "subject", "grade", "teacher",
            "kind", "month");

    private final DataSource db;

    CatalogSearch(DataSource db) {
        this.db = db;
    }

    SearchResult search(SearchQuery query) {
        Where where = Where.of(query);
        try (Connection c = db.getConnection()) {
            c.setReadOnly(true);
            long total = count(c, where);
            List<CatalogEntry> entries = total == 0 ? List.of() : page(c, where, query);
            Map<String, List<SearchResult.FacetCount>> facets = total == 0 ? emptyFacets() : facets(c, where);
            return new SearchResult(total, query.page(), query.pageSize(), entries, facets);
        } catch (SQLException e) {
            throw new CatalogException("catalog search: " + e.getMessage(), e);
        }
    }

    private static long count(Connection c, Where where) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM catalog_entry e" + where.sql())) {
            where.bind(s, 1);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<CatalogEntry> page(Connection c, Where where, SearchQuery query) throws SQLException {
        String sql = "SELECT " + EntryRows.COLUMNS + " FROM catalog_entry e" + where.sql() + " ORDER BY "
                + order(query.sort()) + " LIMIT ? OFFSET ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int next = where.bind(s, 1);
            s.setInt(next, query.pageSize());
            s.setLong(next + 1, (long) (query.page() - 1) * query.pageSize());
            List<CatalogEntry> out = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(EntryRows.read(rows));
                }
            }
            return out;
        }
    }

    private static Map<String, List<SearchResult.FacetCount>> facets(Connection c, Where where) throws SQLException {
        String sql = "SELECT f.facet, f.facet_value, MIN(f.facet_label), COUNT(*) FROM catalog_facet f "
                + "JOIN catalog_entry e ON e.id = f.entry_id" + where.sql() + " GROUP BY f.facet, f.facet_value";
        Map<String, List<SearchResult.FacetCount>> out = emptyFacets();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            where.bind(s, 1);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    List<SearchResult.FacetCount> counts = out.get(rows.getString(1));
                    if (counts != null) {
                        counts.add(new SearchResult.FacetCount(rows.getString(2), rows.getString(3), rows.getLong(4)));
                    }
                }
            }
        }
        out.forEach((facet, counts) -> counts.sort(order(facet)));
        return out;
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

    private static Map<String, List<SearchResult.FacetCount>> emptyFacets() {
        Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
        FACETS.forEach(f -> out.put(f, new ArrayList<>()));
        return out;
    }

    private static String order(SearchQuery.Sort sort) {
        return switch (sort) {
            case DATE -> "e.lesson_date DESC NULLS LAST, e.start_time DESC NULLS LAST, e.id DESC";
            case VIEWS -> "e.views DESC, e.lesson_date DESC NULLS LAST, e.id DESC";
            case TITLE -> "e.title ASC, e.lesson_date DESC NULLS LAST, e.id DESC";
        };
    }
}
