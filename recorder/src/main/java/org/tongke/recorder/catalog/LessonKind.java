package org.tongke.recorder.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of lesson the library holds: the plan's three, and recorded research sessions (教研). */
public enum LessonKind {
    SYNCHRONIZED("synchronized"),
    DEDICATED_DELIVERY("dedicated-delivery"),
    MASTER_TEACHER("master-teacher"),
    RESEARCH("research");

    private final String word;

    LessonKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<LessonKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }
}
