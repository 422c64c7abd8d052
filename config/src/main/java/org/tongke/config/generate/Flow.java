package org.tongke.config.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A short mapping written on one line, {@code {id: g4c1, grade: 4}}, its keys in the order put. */
final class Flow {
    private final List<String> entries = new ArrayList<>();

    /** A value already written as YAML (a number, a quoted time, a nested flow). */
    Flow raw(String key, String yaml) {
        entries.add(key + ": " + yaml);
        return this;
    }

    Flow text(String key, String value) {
        return raw(key, YamlScalars.text(value));
    }

    /** Nothing at all when the value is null: the key is optional. */
    Flow optText(String key, String value) {
        return value == null ? this : text(key, value);
    }

    Flow number(String key, int value) {
        return raw(key, Integer.toString(value));
    }

    <T> Flow list(String key, List<T> items, Function<T, String> yaml) {
        return raw(key, list(items, yaml));
    }

    static <T> String list(List<T> items, Function<T, String> yaml) {
        return "[" + String.join(", ", items.stream().map(yaml).toList()) + "]";
    }

    static String texts(List<String> items) {
        return list(items, YamlScalars::text);
    }

    @Override
    public String toString() {
        return "{" + String.join(", ", entries) + "}";
    }
}
