package org.tongke.config.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tongke.config.county.Community;
import org.tongke.config.county.CommunityType;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonKind;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.requirement.TeacherRef;
import org.tongke.config.school.School;
import org.tongke.config.school.SchoolClass;

/**
 * What a community asks of the timetable. Merged and co-built communities: for each member, a
 * weekly synchronized lesson in a core subject and a weekly dedicated-delivery lesson in a
 * subject village schools lack (one lesson for all members when three or more share a grade),
 * and teaching research on each subject twice online and once in person a term, which over two
 * terms meets seed 003's targets. Collaborative communities: a weekly master-teacher lesson
 * from the core to the others, discussed online once a term.
 */
final class RequirementPlanner {
    record Plan(List<LessonRequirement> lessons, List<ResearchRequirement> research) {
    }

    static final int RESEARCH_MINUTES = 60;
    private static final int GROUP_DELIVERY_MEMBERS = 3;
    private static final List<String> MASTER_SUBJECTS = List.of("语文", "数学");

    private final Community community;
    private final SchoolView core;
    private final List<SchoolView> members;
    private final Random random;
    private final List<LessonRequirement> lessons = new ArrayList<>();

    private final int perWeek;

    private RequirementPlanner(Community community, Map<String, School> schools, Random random, int perWeek) {
        this.perWeek = perWeek;
        this.community = community;
        this.core = new SchoolView(schools.get(community.core()));
        this.members = community.members().stream().map(id -> new SchoolView(schools.get(id))).toList();
        this.random = random;
    }

    /** Each lesson {@code perWeek} times a week (1 in the sample; more for load in benchmarks). */
    static Plan plan(Community community, Map<String, School> schools, Random random, int perWeek) {
        RequirementPlanner planner = new RequirementPlanner(community, schools, random, perWeek);
        if (community.type() == CommunityType.COLLABORATIVE) {
            planner.masterLessons();
            return new Plan(List.copyOf(planner.lessons), planner.research(1, 0));
        }
        planner.pairedLessons();
        return new Plan(List.copyOf(planner.lessons), planner.research(2, 1));
    }

    private void pairedLessons() {
        int groupGrade = busiestGrade();
        List<SchoolView> group = membersWith(groupGrade);
        boolean together = group.size() >= GROUP_DELIVERY_MEMBERS;
        for (SchoolView member : members) {
            int grade = pick(List.copyOf(core.gradesSharedWith(member)));
            add("sync-" + member.id(), LessonKind.SYNCHRONIZED, subject(grade, Curriculum.CORE_SUBJECTS), grade,
                    List.of(member));
            if (!together || !group.contains(member)) {
                int other = pick(List.copyOf(core.gradesSharedWith(member)));
                add("dd-" + member.id(), LessonKind.DEDICATED_DELIVERY, subject(other, Curriculum.DELIVERED_SUBJECTS),
                        other, List.of(member));
            }
        }
        if (together) {
            add("dd-g" + groupGrade, LessonKind.DEDICATED_DELIVERY, subject(groupGrade, Curriculum.DELIVERED_SUBJECTS),
                    groupGrade, group);
        }
    }

    /** One lesson to every school sharing the core's busiest grade, one more for each other school. */
    private void masterLessons() {
        String subject = pick(MASTER_SUBJECTS);
        int grade = busiestGrade();
        List<SchoolView> group = membersWith(grade);
        add("master-g" + grade, LessonKind.MASTER_TEACHER, subject, grade, group);
        for (SchoolView member : members) {
            if (!group.contains(member)) {
                int other = pick(List.copyOf(core.gradesSharedWith(member)));
                add("master-" + member.id(), LessonKind.MASTER_TEACHER, subject, other, List.of(member));
            }
        }
    }

    /** The core's grade that the most members also teach; ties drawn at random. */
    private int busiestGrade() {
        int most = core.grades().stream().mapToInt(g -> membersWith(g).size()).max().orElseThrow();
        return pick(core.grades().stream().filter(g -> membersWith(g).size() == most).toList());
    }

    private List<SchoolView> membersWith(int grade) {
        return members.stream().filter(m -> m.hasGrade(grade)).toList();
    }

    private String subject(int grade, List<String> candidates) {
        return pick(candidates.stream().filter(s -> Curriculum.taught(grade, s)).toList());
    }

    private void add(String suffix, LessonKind kind, String subject, int grade, List<SchoolView> receiving) {
        SchoolClass hostClass = pick(core.classesIn(grade));
        ClassRef host = new ClassRef(core.id(), hostClass.id(), core.teacherOf(hostClass.id(), subject));
        List<ClassRef> receivers = new ArrayList<>();
        int duration = core.shortestPeriod();
        for (SchoolView school : receiving) {
            SchoolClass c = pick(school.classesIn(grade));
            receivers.add(new ClassRef(school.id(), c.id(), school.teacherOf(c.id(), subject)));
            duration = Math.min(duration, school.shortestPeriod());
        }
        boolean allowSwap = kind == LessonKind.DEDICATED_DELIVERY;
        lessons.add(new LessonRequirement(community.id() + "-" + suffix, community.id(), kind, subject, host,
                receivers, perWeek, duration, allowSwap));
    }

    /** Research on each subject the lessons teach, by the teachers who teach them. */
    private List<ResearchRequirement> research(int onlinePerTerm, int offlinePerTerm) {
        Map<String, Set<TeacherRef>> participants = new LinkedHashMap<>();
        Map<String, List<String>> follows = new LinkedHashMap<>();
        for (LessonRequirement l : lessons) {
            Set<TeacherRef> people = participants.computeIfAbsent(l.subject(), s -> new LinkedHashSet<>());
            people.add(new TeacherRef(l.host().school(), l.host().teacher()));
            l.receivers().forEach(r -> people.add(new TeacherRef(r.school(), r.teacher())));
            follows.computeIfAbsent(l.subject(), s -> new ArrayList<>()).add(l.id());
        }
        List<ResearchRequirement> research = new ArrayList<>();
        participants.forEach((subject, people) -> research.add(new ResearchRequirement(
                community.id() + "-research-" + Curriculum.pinyin(subject), community.id(), subject,
                onlinePerTerm, offlinePerTerm, RESEARCH_MINUTES, List.copyOf(people), follows.get(subject))));
        return research;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
