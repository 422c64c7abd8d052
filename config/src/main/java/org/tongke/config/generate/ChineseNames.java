package org.tongke.config.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Teachers' names: a common surname (weighted towards those of southern Zhejiang: 叶, 陈, 周,
 * 林, 徐, 季, 留) and a one- or two-character given name, with a pinyin id ({@code ye-jianhua}).
 * Names and ids are unique within one school.
 */
final class ChineseNames {
    /** Chinese and pinyin, alternating. Common surnames appear twice, to be drawn more often. */
    private static final List<String> SURNAMES = List.of(
            "王", "wang", "李", "li", "张", "zhang", "刘", "liu", "陈", "chen", "陈", "chen", "杨", "yang",
            "黄", "huang", "赵", "zhao", "吴", "wu", "吴", "wu", "周", "zhou", "周", "zhou", "徐", "xu", "徐", "xu",
            "孙", "sun", "朱", "zhu", "胡", "hu", "郭", "guo", "何", "he", "林", "lin", "林", "lin", "罗", "luo",
            "高", "gao", "郑", "zheng", "梁", "liang", "谢", "xie", "宋", "song", "唐", "tang", "韩", "han",
            "冯", "feng", "邓", "deng", "曹", "cao", "潘", "pan", "袁", "yuan", "蔡", "cai", "蒋", "jiang",
            "余", "yu", "杜", "du", "叶", "ye", "叶", "ye", "程", "cheng", "魏", "wei", "苏", "su", "丁", "ding",
            "任", "ren", "卢", "lu", "姚", "yao", "沈", "shen", "钟", "zhong", "金", "jin", "夏", "xia",
            "傅", "fu", "方", "fang", "邹", "zou", "雷", "lei", "季", "ji", "季", "ji", "留", "liu", "章", "zhang",
            "詹", "zhan", "柳", "liu", "毛", "mao", "应", "ying", "虞", "yu", "蓝", "lan");

    private static final List<String> GIVEN = List.of(
            "华", "hua", "芳", "fang", "伟", "wei", "敏", "min", "静", "jing", "丽", "li", "强", "qiang",
            "磊", "lei", "军", "jun", "洋", "yang", "勇", "yong", "艳", "yan", "杰", "jie", "娟", "juan",
            "涛", "tao", "明", "ming", "超", "chao", "秀", "xiu", "霞", "xia", "平", "ping", "刚", "gang",
            "英", "ying", "红", "hong", "建", "jian", "文", "wen", "辉", "hui", "玲", "ling", "燕", "yan",
            "琳", "lin", "晓", "xiao", "雪", "xue", "慧", "hui", "婷", "ting", "倩", "qian", "斌", "bin",
            "宇", "yu", "浩", "hao", "凯", "kai", "鹏", "peng", "海", "hai", "亮", "liang", "俊", "jun",
            "莉", "li", "萍", "ping", "颖", "ying", "佳", "jia", "欣", "xin", "晨", "chen", "琪", "qi",
            "思", "si", "梦", "meng", "怡", "yi", "悦", "yue", "雨", "yu", "春", "chun", "志", "zhi",
            "国", "guo", "永", "yong", "立", "li", "卫", "wei", "小", "xiao", "金", "jin", "荣", "rong",
            "清", "qing", "松", "song", "云", "yun", "丹", "dan", "青", "qing", "锋", "feng", "林", "lin");

    private static final int MAX_DRAWS = 10_000;

    private final Random random;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedIds = new HashSet<>();

    ChineseNames(Random random) {
        this.random = random;
    }

    /** A person's name and id, never one this instance gave out before. */
    PersonName next() {
        for (int i = 0; i < MAX_DRAWS; i++) {
            PersonName name = draw();
            if (!usedNames.contains(name.chinese()) && !usedIds.contains(name.id())) {
                usedNames.add(name.chinese());
                usedIds.add(name.id());
                return name;
            }
        }
        throw new IllegalStateException("ran out of distinct names after " + usedIds.size());
    }

    private PersonName draw() {
        int surname = 2 * random.nextInt(SURNAMES.size() / 2);
        StringBuilder chinese = new StringBuilder(SURNAMES.get(surname));
        StringBuilder given = new StringBuilder();
        int length = random.nextInt(5) < 3 ? 2 : 1;
        for (int i = 0; i < length; i++) {
            int g = 2 * random.nextInt(GIVEN.size() / 2);
            chinese.append(GIVEN.get(g));
            given.append(GIVEN.get(g + 1));
        }
        return new PersonName(chinese.toString(), SURNAMES.get(surname + 1) + "-" + given);
    }

    record PersonName(String chinese, String id) {
    }
}
