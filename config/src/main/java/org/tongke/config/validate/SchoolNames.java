package org.tongke.config.validate;

import org.tongke.config.school.School;

/** How messages name a school: its id and, for people, its Chinese name. */
final class SchoolNames {
    private SchoolNames() {
    }

    static String of(School school) {
        return "school '" + school.id() + "' (" + school.name() + ")";
    }
}
