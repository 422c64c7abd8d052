package org.tongke.config.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tongke.config.school.Setting;
import org.tongke.config.school.Teacher;
import org.tongke.config.school.Unavailability;

/**
 * The times some teachers are away from their classes: a town school's subject group meets
 * for teaching research (教研组活动) one afternoon a week, and a teacher now and then spends a
 * day at the county's in-service training (县教师发展中心培训).
 */
final class TeacherDuties {
    private static final List<String> RESEARCH_GROUPS = List.of("语文", "数学", "英语");
    private static final List<DayOfWeek> MEETING_DAYS = List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    private static final LocalDate FIRST_TRAINING_MONDAY = LocalDate.of(2021, 10, 11);
    private static final int TRAINING_WEEKS = 10;

    private TeacherDuties() {
    }

    /** The teachers, some now with the times they are away. */
    static List<Teacher> assign(BlueprintSchool school, List<Teacher> teachers, int periodsPerDay, Random random) {
        List<Teacher> result = new ArrayList<>(teachers);
        if (school.setting() == Setting.URBAN) {
            researchGroupMeeting(result, periodsPerDay, random);
        }
        if (school.setting() == Setting.URBAN || random.nextBoolean()) {
            int who = random.nextInt(result.size());
            LocalDate date = FIRST_TRAINING_MONDAY.plusWeeks(random.nextInt(TRAINING_WEEKS)).plusDays(random.nextInt(5));
            result.set(who, with(result.get(who), new Unavailability(null, date, List.of(), "县教师发展中心培训")));
        }
        return result;
    }

    /** The last two periods of one afternoon, for every teacher who teaches only that subject. */
    private static void researchGroupMeeting(List<Teacher> teachers, int periodsPerDay, Random random) {
        String subject = RESEARCH_GROUPS.get(random.nextInt(RESEARCH_GROUPS.size()));
        DayOfWeek day = MEETING_DAYS.get(random.nextInt(MEETING_DAYS.size()));
        Unavailability meeting = new Unavailability(day, null, List.of(periodsPerDay - 1, periodsPerDay),
                subject + "教研组活动");
        for (int i = 0; i < teachers.size(); i++) {
            Teacher t = teachers.get(i);
            if (t.subjects().equals(List.of(subject))) {
                teachers.set(i, with(t, meeting));
            }
        }
    }

    private static Teacher with(Teacher teacher, Unavailability away) {
        List<Unavailability> all = new ArrayList<>(teacher.unavailable());
        all.add(away);
        return new Teacher(teacher.id(), teacher.name(), teacher.subjects(), all);
    }
}
