package org.tongke.config.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Made-up place names in the manner of Zhejiang's hill towns (石溪, 东岙, 龙坑), each with its
 * pinyin; no two names, and no two pinyin spellings, repeat. Two syllables give some 800
 * places; a county that needs more gets three-syllable ones (石溪口), then four.
 */
final class PlaceNames {
    /** Chinese and pinyin, alternating. */
    private static final List<String> FIRST = List.of(
            "东", "dong", "西", "xi", "南", "nan", "北", "bei", "上", "shang", "下", "xia", "大", "da",
            "小", "xiao", "石", "shi", "金", "jin", "银", "yin", "龙", "long", "凤", "feng", "白", "bai",
            "青", "qing", "黄", "huang", "红", "hong", "梅", "mei", "桃", "tao", "竹", "zhu", "松", "song",
            "柳", "liu", "枫", "feng", "高", "gao", "长", "chang", "平", "ping", "新", "xin", "仁", "ren",
            "万", "wan", "方", "fang", "章", "zhang", "汤", "tang", "季", "ji", "鹤", "he");
    private static final List<String> SECOND = List.of(
            "溪", "xi", "山", "shan", "源", "yuan", "坑", "keng", "岙", "ao", "坪", "ping", "岭", "ling",
            "湖", "hu", "口", "kou", "田", "tian", "桥", "qiao", "塘", "tang", "林", "lin", "垟", "yang",
            "头", "tou", "庄", "zhuang", "村", "cun", "阜", "fu", "川", "chuan", "岗", "gang", "埠", "bu",
            "市", "shi", "渡", "du", "峰", "feng", "洋", "yang", "寮", "liao", "宅", "zhai", "浦", "pu");
    private static final int MAX_DRAWS = 100_000;
    /** Past this many places, random draws of two syllables mostly collide: use three. */
    private static final int TWO_SYLLABLE_PLACES = 600;
    /** Past this many, three syllables run short too: use four. */
    private static final int THREE_SYLLABLE_PLACES = 20_000;

    private final Random random;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedPinyin = new HashSet<>();

    PlaceNames(Random random) {
        this.random = random;
    }

    /** A place never given out before: {@code [石溪, shixi]}. */
    String[] next() {
        for (int i = 0; i < MAX_DRAWS; i++) {
            String[] first = syllable(FIRST);
            String[] second = syllable(SECOND);
            String name = first[0] + second[0];
            String pinyin = first[1] + second[1];
            for (int k = 0; k < extraSyllables(); k++) {
                String[] more = syllable(SECOND);
                name += more[0];
                pinyin += more[1];
            }
            if (usedNames.add(name)) {
                if (usedPinyin.add(pinyin)) {
                    return new String[] {name, pinyin};
                }
                usedNames.remove(name);
            }
        }
        throw new IllegalStateException("ran out of place names after " + usedNames.size()
                + "; a county this large needs more syllables");
    }

    private int extraSyllables() {
        return (usedNames.size() >= TWO_SYLLABLE_PLACES ? 1 : 0) + (usedNames.size() >= THREE_SYLLABLE_PLACES ? 1 : 0);
    }

    private String[] syllable(List<String> table) {
        int i = 2 * random.nextInt(table.size() / 2);
        return new String[] {table.get(i), table.get(i + 1)};
    }
}
