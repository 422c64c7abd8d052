package org.tongke.config.school;

import java.util.Arrays;
import java.util.Optional;

/** The grades a school teaches: primary 1-6, junior 7-9, nine-year 1-9 (九年一贯制). */
public enum Stage {
    PRIMARY("primary", "小学", 1, 6),
    JUNIOR("junior", "初中", 7, 9),
    NINE_YEAR("nine-year", "九年制", 1, 9);

    private final String key;
    private final String chinese;
    private final int firstGrade;
    private final int lastGrade;

    Stage(String key, String chinese, int firstGrade, int lastGrade) {
        this.key = key;
        this.chinese = chinese;
        this.firstGrade = firstGrade;
        this.lastGrade = lastGrade;
    }

    public String key() {
        return key;
    }

    public String chinese() {
        return chinese;
    }

    public int firstGrade() {
        return firstGrade;
    }

    public int lastGrade() {
        return lastGrade;
    }

    public boolean teachesGrade(int grade) {
        return grade >= firstGrade && grade <= lastGrade;
    }

    public static Optional<Stage> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
