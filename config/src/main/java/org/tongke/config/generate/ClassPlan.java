package org.tongke.config.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tongke.config.school.Classroom;
import org.tongke.config.school.SchoolClass;
import org.tongke.config.school.Setting;
import org.tongke.config.school.Stage;

/**
 * How many classes a school has in each grade, how big they are, and its rooms: town schools
 * run 2-4 classes a grade (3-6 in the junior grades) of 38-48 pupils; village schools one,
 * sometimes two, of 12-40; a teaching point one small class in each of the lower grades.
 */
final class ClassPlan {
    static final int TEACHING_POINT_LAST_GRADE = 4;
    /** Town schools with more classes than this have a second recording classroom. */
    static final int CLASSES_FOR_SECOND_RECORDING_ROOM = 12;
    private static final String[] NUMERALS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ClassPlan() {
    }

    static List<SchoolClass> classes(BlueprintSchool school, Random random) {
        List<SchoolClass> classes = new ArrayList<>();
        int primaryBase = baseCount(school, false, random);
        int juniorBase = baseCount(school, true, random);
        Stage stage = school.stage();
        int lastGrade = school.teachingPoint() ? TEACHING_POINT_LAST_GRADE : stage.lastGrade();
        for (int grade = stage.firstGrade(); grade <= lastGrade; grade++) {
            boolean junior = grade >= Stage.JUNIOR.firstGrade();
            int count = perGrade(school, junior ? juniorBase : primaryBase, junior, random);
            for (int n = 1; n <= count; n++) {
                classes.add(new SchoolClass("g" + grade + "c" + n, grade, name(grade, n), size(school, random),
                        homeroom(grade, n)));
            }
        }
        return classes;
    }

    /** Urban schools vary by a class now and then from grade to grade; village ones do not. */
    private static int baseCount(BlueprintSchool school, boolean junior, Random random) {
        if (school.teachingPoint()) {
            return 1;
        }
        if (school.setting() == Setting.RURAL) {
            return random.nextInt(5) == 0 ? 2 : 1;
        }
        return junior ? 3 + random.nextInt(4) : 2 + random.nextInt(3);
    }

    private static int perGrade(BlueprintSchool school, int base, boolean junior, Random random) {
        if (school.setting() == Setting.RURAL || random.nextInt(4) != 0) {
            return base;
        }
        int min = junior ? 3 : 2;
        int max = junior ? 6 : 4;
        return Math.max(min, Math.min(max, base + (random.nextBoolean() ? 1 : -1)));
    }

    private static int size(BlueprintSchool school, Random random) {
        if (school.teachingPoint()) {
            return 5 + random.nextInt(11);
        }
        return school.setting() == Setting.URBAN ? 38 + random.nextInt(11) : 12 + random.nextInt(29);
    }

    static String name(int grade, int n) {
        return NUMERALS[grade] + "年级(" + n + ")班";
    }

    static String homeroom(int grade, int n) {
        return String.format("r%d%02d", grade, n);
    }

    /** A homeroom for each class, then the recording classrooms (录播教室) with their edge agents. */
    static List<Classroom> classrooms(BlueprintSchool school, List<SchoolClass> classes) {
        List<Classroom> rooms = new ArrayList<>();
        for (SchoolClass c : classes) {
            rooms.add(new Classroom(c.homeroom(), c.name() + "教室", false, null));
        }
        boolean two = school.setting() == Setting.URBAN && classes.size() > CLASSES_FOR_SECOND_RECORDING_ROOM;
        int count = two ? 2 : 1;
        for (int n = 1; n <= count; n++) {
            String name = count == 1 ? "录播教室" : "录播教室" + NUMERALS[n];
            rooms.add(new Classroom("rec" + n, name, true, school.id() + "-rec" + n));
        }
        return rooms;
    }
}
