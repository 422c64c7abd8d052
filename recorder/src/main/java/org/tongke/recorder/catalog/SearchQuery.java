package org.tongke.recorder.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One library search: the typed words, the filters (each {@code null} when not set; teacher as
 * {@code SCHOOL/TEACHER}), the order and the page (from 1).
 */
public record SearchQuery(
        String text,
        String type,
        String community,
        String school,
        String subject,
        Integer grade,
        String teacher,
        String kind,
        LocalDate from,
        LocalDate to,
        Sort sort,
        int page,
        int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Deep pages cost a scan of everything before them; nobody reads page 500 of a search. */
    public static final int MAX_PAGE = 500;

    /** Result orders; {@link #word()} is the API's {@code sort} value. */
    public enum Sort {
        /** Newest lesson first. */
        DATE("date"),
        /** Most watched first (点播量). */
        VIEWS("views"),
        /** By title, then newest. */
        TITLE("title");

        private final String word;

        Sort(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Sort fromWord(String word) {
            for (Sort sort : values()) {
                if (sort.word.equals(word)) {
                    return sort;
                }
            }
            throw new IllegalArgumentException("sort '" + word + "' is not one of date, views, title");
        }
    }

    public SearchQuery {
        text = text == null ? "" : text;
        Objects.requireNonNull(sort, "sort");
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page " + page + " is not between 1 and " + MAX_PAGE);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size " + pageSize + " is not between 1 and " + MAX_PAGE_SIZE);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("date range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Everything, newest first, first page. */
    public static SearchQuery all() {
        return text("");
    }

    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null, null, Sort.DATE, 1,
                DEFAULT_PAGE_SIZE);
    }

    public SearchQuery withSort(Sort newSort) {
        return new SearchQuery(text, type, community, school, subject, grade, teacher, kind, from, to, newSort, page,
                pageSize);
    }

    public SearchQuery withPage(int newPage, int newSize) {
        return new SearchQuery(text, type, community, school, subject, grade, teacher, kind, from, to, sort, newPage,
                newSize);
    }

    public SearchQuery withFilters(String newType, String newCommunity, String newSchool, String newSubject,
            Integer newGrade, String newTeacher, String newKind) {
        return new SearchQuery(text, newType, newCommunity, newSchool, newSubject, newGrade, newTeacher, newKind, from,
                to, sort, page, pageSize);
    }

    public SearchQuery withDates(LocalDate newFrom, LocalDate newTo) {
        return new SearchQuery(text, type, community, school, subject, grade, teacher, kind, newFrom, newTo, sort,
                page, pageSize);
    }
}
