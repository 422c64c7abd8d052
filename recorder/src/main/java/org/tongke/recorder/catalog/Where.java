package org.tongke.recorder.catalog;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a search over {@code catalog_entry e} and the values to bind, in order. */
final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private Where() {
    }

    static Where of(SearchQuery q) {
        Where w = new Where();
        for (String word : SearchText.words(q.text())) {
            w.add("e.search_text LIKE ? ESCAPE '" + SearchText.ESCAPE + "'", SearchText.containsPattern(word));
        }
        w.column("e.entry_type", q.type());
        w.column("e.community_id", q.community());
        w.column("e.subject", q.subject());
        w.column("e.kind", q.kind());
        if (q.grade() != null) {
            w.add("e.grade = ?", q.grade());
        }
        w.facet("school", q.school());
        w.facet("teacher", q.teacher());
        if (q.from() != null) {
            w.add("e.lesson_date >= ?", Date.valueOf(q.from()));
        }
        if (q.to() != null) {
            w.add("e.lesson_date <= ?", Date.valueOf(q.to()));
        }
        return w;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the values from parameter {@code first}; returns the next free parameter index. */
    int bind(PreparedStatement s, int first) throws SQLException {
        int i = first;
        for (Object value : values) {
            s.setObject(i++, value);
        }
        return i;
    }

    private void column(String column, String value) {
        if (value != null && !value.isEmpty()) {
            add(column + " = ?", value);
        }
    }

    private void facet(String facet, String value) {
        if (value != null && !value.isEmpty()) {
            add("EXISTS (SELECT 1 FROM catalog_facet x WHERE x.entry_id = e.id AND x.facet = '" + facet
                    + "' AND x.facet_value = ?)", value);
        }
    }

    private void add(String condition, Object value) {
        conditions.add(condition);
        values.add(value);
    }
}
