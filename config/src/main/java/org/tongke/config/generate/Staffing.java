package org.tongke.config.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.Setting;
import org.tongke.config.school.Stage;
import org.tongke.config.school.Teacher;

/**
 * Who teaches what: each subject's classes are shared out among teachers, a teacher taking
 * classes of neighbouring grades up to {@link #MAX_PERIODS} periods a week. Small village
 * schools give the minor subjects (音乐, 美术, 体育, ...) to teachers who teach several of them;
 * at a teaching point every teacher teaches whatever its few classes need (包班).
 */
final class Staffing {
    static final int MAX_PERIODS = 16;
    /** Village schools with this many classes or fewer share minor subjects among few teachers. */
    static final int SMALL_SCHOOL_CLASSES = 12;
    private static final List<String> SUBJECT_ORDER = List.of("语文", "数学", "英语", "科学", "物理", "化学",
            "生物", "历史", "地理", "道德与法治", "体育", "音乐", "美术", "信息科技");

    record Staff(List<Teacher> teachers, List<Assignment> assignments) {
    }

    private final ChineseNames names;
    private final List<Teacher> teachers = new ArrayList<>();
    private final List<Assignment> assignments = new ArrayList<>();

    private Staffing(Random random) {
        this.names = new ChineseNames(random);
    }

    static Staff staff(BlueprintSchool school, List<SchoolClass> classes, Random random) {
        Staffing staffing = new Staffing(random);
        pools(school, classes).values().forEach(staffing::pack);
        return new Staff(List.copyOf(staffing.teachers), List.copyOf(staffing.assignments));
    }

    /** The units each group of teachers shares, in subject order, then grade and class order. */
    private static Map<String, List<Assignment>> pools(BlueprintSchool school, List<SchoolClass> classes) {
        boolean small = school.setting() == Setting.RURAL && classes.size() <= SMALL_SCHOOL_CLASSES;
        Map<String, List<Assignment>> pools = new LinkedHashMap<>();
        for (String subject : SUBJECT_ORDER) {
            for (SchoolClass c : classes) {
                Integer hours = Curriculum.weeklyHours(c.grade()).get(subject);
                if (hours == null) {
                    continue;
                }
                String pool = pool(school, small, subject, c.grade());
                pools.computeIfAbsent(pool, k -> new ArrayList<>())
                        .add(new Assignment(c.id(), c.grade(), subject, hours, null));
            }
        }
        return pools;
    }

    private static String pool(BlueprintSchool school, boolean small, String subject, int grade) {
        if (school.teachingPoint()) {
            return "all";
        }
        String section = grade >= Stage.JUNIOR.firstGrade() ? "junior" : "primary";
        boolean shared = small && Curriculum.MINOR_SUBJECTS.contains(subject);
        return section + "/" + (shared ? "minor" : subject);
    }

    /** Fills one teacher after another; a class keeps one teacher for each of its subjects. */
    private void pack(List<Assignment> units) {
        List<Assignment> current = new ArrayList<>();
        int load = 0;
        for (Assignment unit : units) {
            if (load + unit.hours() > MAX_PERIODS && !current.isEmpty()) {
                hire(current);
                current = new ArrayList<>();
                load = 0;
            }
            current.add(unit);
            load += unit.hours();
        }
        if (!current.isEmpty()) {
            hire(current);
        }
    }

    private void hire(List<Assignment> units) {
        ChineseNames.PersonName name = names.next();
        Set<String> subjects = new LinkedHashSet<>();
        units.forEach(u -> subjects.add(u.subject()));
        teachers.add(new Teacher(name.id(), name.chinese(), List.copyOf(subjects), List.of()));
        units.forEach(u -> assignments.add(u.withTeacher(name.id())));
    }
}
