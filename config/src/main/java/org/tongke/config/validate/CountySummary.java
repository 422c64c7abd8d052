package org.tongke.config.validate;

import java.util.EnumMap;
import java.util.Map;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.County;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.school.Setting;

/** The counts a person checks first after loading a county. */
public record CountySummary(
        String countyId,
        String countyName,
        int communities,
        Map<CommunityType, Integer> communitiesByType,
        int schools,
        int urbanSchools,
        int classes,
        int teachers,
        int classrooms,
        int recordingClassrooms,
        int bellPeriodsPerWeek,
        int timetabledPeriods,
        int lessonRequirements,
        int lessonsPerWeek,
        int researchRequirements) {

    public static CountySummary of(County county) {
        Map<CommunityType, Integer> byType = new EnumMap<>(CommunityType.class);
        for (CommunityType type : CommunityType.values()) {
            byType.put(type, (int) county.communities().stream().filter(c -> c.type() == type).count());
        }
        var schools = county.schools();
        return new CountySummary(
                county.id(),
                county.name(),
                county.communities().size(),
                byType,
                schools.size(),
                (int) schools.stream().filter(s -> s.setting() == Setting.URBAN).count(),
                schools.stream().mapToInt(s -> s.classes().size()).sum(),
                schools.stream().mapToInt(s -> s.teachers().size()).sum(),
                schools.stream().mapToInt(s -> s.classrooms().size()).sum(),
                schools.stream().mapToInt(s -> s.recordingClassrooms().size()).sum(),
                schools.stream().mapToInt(s -> s.bellSchedule().periodsPerWeek()).sum(),
                schools.stream().mapToInt(s -> s.timetable().size()).sum(),
                county.lessons().size(),
                county.lessons().stream().mapToInt(LessonRequirement::perWeek).sum(),
                county.research().size());
    }

    /** The summary as lines for a terminal. */
    public String describe() {
        return String.join(System.lineSeparator(),
                String.format("%s (%s)", countyName, countyId),
                String.format("  communities     %5d  (merged %d, co-built %d, collaborative %d)", communities,
                        communitiesByType.get(CommunityType.MERGED), communitiesByType.get(CommunityType.CO_BUILT),
                        communitiesByType.get(CommunityType.COLLABORATIVE)),
                String.format("  schools         %5d  (urban %d, rural %d)", schools, urbanSchools, schools - urbanSchools),
                String.format("  classes         %5d", classes),
                String.format("  teachers        %5d", teachers),
                String.format("  classrooms      %5d  (recording %d)", classrooms, recordingClassrooms),
                String.format("  weekly periods  %5d  (bell-schedule periods of all schools; %d class periods timetabled)",
                        bellPeriodsPerWeek, timetabledPeriods),
                String.format("  requirements    %5d  (%d lessons across schools, %d a week; %d teaching research)",
                        lessonRequirements + researchRequirements, lessonRequirements, lessonsPerWeek,
                        researchRequirements));
    }

}
