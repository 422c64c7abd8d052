package org.tongke.recorder.library;

import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.tongke.recorder.catalog.SearchQuery;

/**
 * Reads a search from the query string: {@code q, type, community, school, subject, grade,
 * teacher, kind, from, to, sort, page, size}; a value that does not parse is a 400 naming the
 * parameter.
 */
final class SearchParams {
    static final int MAX_QUERY_LENGTH = 200;

    private SearchParams() {
    }

    static SearchQuery parse(MultiMap params) {
        String text = params.get("q");
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw ApiError.badRequest("q is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        try {
            SearchQuery.Sort sort = params.get("sort") == null || params.get("sort").isEmpty()
                    ? SearchQuery.Sort.DATE : SearchQuery.Sort.fromWord(params.get("sort"));
            return new SearchQuery(text, blank(params.get("type")), blank(params.get("community")),
                    blank(params.get("school")), blank(params.get("subject")), integer(params, "grade", null),
                    blank(params.get("teacher")), blank(params.get("kind")), date(params, "from"), date(params, "to"),
                    sort, integer(params, "page", 1), integer(params, "size", SearchQuery.DEFAULT_PAGE_SIZE));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Integer integer(MultiMap params, String name, Integer fallback) {
        String value = blank(params.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " '" + value + "' is not a whole number");
        }
    }

    private static LocalDate date(MultiMap params, String name) {
        String value = blank(params.get(name));
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
