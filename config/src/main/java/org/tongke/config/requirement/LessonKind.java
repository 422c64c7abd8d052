package org.tongke.config.requirement;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of lesson that cross schools (三个课堂). */
public enum LessonKind {
    /** 同步课堂: one teacher teaches her own class and classes elsewhere at once. */
    SYNCHRONIZED("synchronized", "同步课堂"),
    /** 专递课堂: delivered to a rural class that lacks a teacher of the subject. */
    DEDICATED_DELIVERY("dedicated-delivery", "专递课堂"),
    /** 名师课堂: a master teacher's lesson for several schools. */
    MASTER_TEACHER("master-teacher", "名师课堂");

    private final String key;
    private final String chinese;

    LessonKind(String key, String chinese) {
        this.key = key;
        this.chinese = chinese;
    }

    public String key() {
        return key;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<LessonKind> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
