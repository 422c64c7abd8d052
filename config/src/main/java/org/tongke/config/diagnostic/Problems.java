package org.tongke.config.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a load so that all of them are reported at once. */
public final class Problems {
    private static final Comparator<Problem> READING_ORDER = Comparator
            .comparing((Problem p) -> p.location().file())
            .thenComparingInt(p -> p.location().line())
            .thenComparing(p -> p.location().path());

    private final List<Problem> all = new ArrayList<>();

    /** One error per file, line and message: a YAML alias repeats its node, not its mistakes. */
    public void error(Location where, String message) {
        boolean seen = where.line() > 0 && all.stream().anyMatch(p -> p.severity() == Severity.ERROR
                && p.location().file().equals(where.file()) && p.location().line() == where.line()
                && p.message().equals(message));
        if (!seen) {
            all.add(new Problem(Severity.ERROR, where, message));
        }
    }

    public void warning(Location where, String message) {
        all.add(new Problem(Severity.WARNING, where, message));
    }

    public int errorCount() {
        return (int) all.stream().filter(p -> p.severity() == Severity.ERROR).count();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    public List<Problem> errors() {
        return sorted(Severity.ERROR);
    }

    public List<Problem> warnings() {
        return sorted(Severity.WARNING);
    }

    private List<Problem> sorted(Severity severity) {
        return all.stream().filter(p -> p.severity() == severity).sorted(READING_ORDER).toList();
    }
}
