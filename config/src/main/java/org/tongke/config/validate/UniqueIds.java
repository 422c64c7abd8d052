package org.tongke.config.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reports ids used twice within one scope (schools of a county, classes of a school, ...). */
final class UniqueIds {
    private UniqueIds() {
    }

    static <T> void check(Checks checks, List<T> items, Function<T, String> id, String what) {
        Map<String, T> first = new HashMap<>();
        for (T item : items) {
            T earlier = first.putIfAbsent(id.apply(item), item);
            if (earlier != null) {
                checks.error(item, "id", what + " id '" + id.apply(item) + "' is already used at " + checks.at(earlier));
            }
        }
    }
}
