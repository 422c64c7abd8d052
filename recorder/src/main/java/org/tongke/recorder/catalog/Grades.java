package org.tongke.recorder.catalog;

/** Grade numbers as people write them: 1 to 6 primary (一年级...), 7 to 9 junior middle (七年级...). */
public final class Grades {
    private static final String[] CHINESE = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private Grades() {
    }

    /** {@code 四年级} for 4; {@code null} for 0 (not known). */
    public static String chinese(int grade) {
        return grade >= 1 && grade <= 9 ? CHINESE[grade - 1] + "年级" : null;
    }
}
