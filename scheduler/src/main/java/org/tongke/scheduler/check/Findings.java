package org.tongke.scheduler.check;

import java.util.ArrayList;
import java.util.List;

/** Collects violations in the order the checks find them. */
final class Findings {
    private final List<Violation> violations = new ArrayList<>();

    void add(Rule rule, String id, String format, Object... args) {
        violations.add(new Violation(rule, id, args.length == 0 ? format : String.format(format, args)));
    }

    List<Violation> list() {
        return List.copyOf(violations);
    }
}
