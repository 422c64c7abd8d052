package org.tongke.config.county;

import java.util.Arrays;
import java.util.Optional;

/** The three kinds of compulsory-education community (教共体) of seed 003. */
public enum CommunityType {
    /** 融合型: one legal entity with several campuses; teachers move freely. */
    MERGED("merged", "融合型"),
    /** 共建型: a core school and member schools assessed together. */
    CO_BUILT("co-built", "共建型"),
    /** 协作型: independent schools that cooperate. */
    COLLABORATIVE("collaborative", "协作型");

    private final String key;
    private final String chinese;

    CommunityType(String key, String chinese) {
        this.key = key;
        this.chinese = chinese;
    }

    public String key() {
        return key;
    }

    public String chinese() {
        return chinese;
    }

    public static Optional<CommunityType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
