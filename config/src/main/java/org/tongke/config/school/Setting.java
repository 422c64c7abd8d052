package org.tongke.config.school;

import java.util.Arrays;
import java.util.Optional;

/** Urban schools usually host synchronized lessons; rural ones receive them. */
public enum Setting {
    URBAN("urban", "城区"),
    RURAL("rural", "乡村");

    private final String key;
    private final String chinese;

    Setting(String key, String chinese) {
        this.key = key;
        this.chinese = chinese;
    }

    public String key() {
        return key;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<Setting> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
