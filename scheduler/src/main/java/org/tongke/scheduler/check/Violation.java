package org.tongke.scheduler.check;

import java.util.Objects;

/**
 * One broken hard rule: which rule, the id of the weekly lesson, occurrence or research session
 * that breaks it, and a sentence naming the school, class, teacher or classroom involved.
 */
public record Violation(Rule rule, String id, String message) {
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return rule.key() + " " + id + ": " + message;
    }
}
