package org.tongke.recorder.catalog;

import java.util.List;
import java.util.Map;

/**
 * A page of a search: how many entries match in all, this page's entries, and for each facet
 * ({@code type, community, school, subject, grade, teacher, kind, month}) how many of the
 * matching entries carry each value, most first.
 */
public record SearchResult(long total, int page, int pageSize, List<CatalogEntry> entries,
        Map<String, List<FacetCount>> facets) {

    /** One value of a facet: its id, its label for people, and how many matching entries have it. */
    public record FacetCount(String value, String label, long count) {
    }

    public SearchResult {
        entries = List.copyOf(entries);
        facets = Map.copyOf(facets);
    }
}
