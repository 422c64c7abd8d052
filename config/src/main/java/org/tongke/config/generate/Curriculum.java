package org.tongke.config.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weekly periods of each subject by grade, as the national curriculum plans them for
 * compulsory education (义务教育课程设置), rounded to what county schools print.
 */
final class Curriculum {
    static final List<String> CORE_SUBJECTS = List.of("语文", "数学", "英语");
    /** What rural schools most often lack a trained teacher for: what dedicated delivery brings. */
    static final List<String> DELIVERED_SUBJECTS = List.of("音乐", "美术", "科学");
    /** Small rural schools give these to teachers who also teach others. */
    static final Set<String> MINOR_SUBJECTS = Set.of("音乐", "美术", "体育", "道德与法治", "信息科技", "科学");

    private static final Map<String, String> PINYIN = Map.ofEntries(
            Map.entry("语文", "yuwen"), Map.entry("数学", "shuxue"), Map.entry("英语", "yingyu"),
            Map.entry("科学", "kexue"), Map.entry("道德与法治", "daode-yu-fazhi"), Map.entry("体育", "tiyu"),
            Map.entry("音乐", "yinyue"), Map.entry("美术", "meishu"), Map.entry("信息科技", "xinxi-keji"),
            Map.entry("历史", "lishi"), Map.entry("地理", "dili"), Map.entry("生物", "shengwu"),
            Map.entry("物理", "wuli"), Map.entry("化学", "huaxue"));

    private static final Map<String, Integer> LOWER_PRIMARY = hours(
            "语文", 8, "数学", 4, "道德与法治", 2, "体育", 4, "音乐", 2, "美术", 2, "科学", 1);
    private static final Map<String, Integer> UPPER_PRIMARY = hours(
            "语文", 6, "数学", 5, "英语", 3, "科学", 2, "道德与法治", 2, "体育", 3, "音乐", 2, "美术", 2, "信息科技", 1);
    private static final Map<String, Integer> GRADE_7 = hours(
            "语文", 5, "数学", 5, "英语", 4, "道德与法治", 2, "历史", 2, "地理", 2, "生物", 2, "体育", 3,
            "音乐", 1, "美术", 1, "信息科技", 1);
    private static final Map<String, Integer> GRADE_8 = hours(
            "语文", 5, "数学", 5, "英语", 4, "物理", 3, "道德与法治", 2, "历史", 2, "地理", 2, "生物", 2,
            "体育", 3, "音乐", 1, "美术", 1, "信息科技", 1);
    private static final Map<String, Integer> GRADE_9 = hours(
            "语文", 5, "数学", 5, "英语", 4, "物理", 3, "化学", 3, "道德与法治", 2, "历史", 2, "体育", 3,
            "音乐", 1, "美术", 1);

    private Curriculum() {
    }

    /** Subject to periods a week, in the order a timetable lists them. */
    static Map<String, Integer> weeklyHours(int grade) {
        return switch (grade) {
            case 1, 2 -> LOWER_PRIMARY;
            case 3, 4, 5, 6 -> UPPER_PRIMARY;
            case 7 -> GRADE_7;
            case 8 -> GRADE_8;
            case 9 -> GRADE_9;
            default -> throw new IllegalArgumentException("no grade " + grade);
        };
    }

    static boolean taught(int grade, String subject) {
        return weeklyHours(grade).containsKey(subject);
    }

    static boolean isCore(String subject) {
        return CORE_SUBJECTS.contains(subject);
    }

    /** The subject in ASCII, for ids ({@code qt-01-research-shuxue}). */
    static String pinyin(String subject) {
        String pinyin = PINYIN.get(subject);
        if (pinyin == null) {
            throw new IllegalArgumentException("no pinyin for subject " + subject);
        }
        return pinyin;
    }

    private static Map<String, Integer> hours(Object... subjectAndHours) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < subjectAndHours.length; i += 2) {
            map.put((String) subjectAndHours[i], (Integer) subjectAndHours[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
