package org.tongke.scheduler.check;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.tongke.config.calendar.Period;
import org.tongke.config.county.County;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.school.School;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Participant.Displaces;
import org.tongke.scheduler.plan.Participant.Swap;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchSession;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * Hand-built plans of the tiny county, taking names, period times and requirement fields from
 * the configuration so that a test only states what it breaks.
 */
final class TinyPlans {
    static final String ZHENBU = "schools/zhenbu.yaml";
    static final String CHENGXI = "schools/chengxi.yaml";
    static final LocalDate MONDAY = LocalDate.of(2021, 9, 6);
    static final LocalDate NEXT_MONDAY = LocalDate.of(2021, 9, 13);
    static final LocalDate TUESDAY = LocalDate.of(2021, 9, 7);
    /** Where {@link #musicSwappingEnglish()} moves 祯埠镇小 四年级(1)班's 英语: Thursday period 2 (08:50-09:30). */
    static final Swap ENGLISH_TO_THURSDAY = new Swap(DayOfWeek.THURSDAY, 2, "英语", "liu-yang");

    private final County county;
    /** The weekday the next rooms and weekly lessons are on. */
    private DayOfWeek day = DayOfWeek.MONDAY;

    TinyPlans(County county) {
        this.county = county;
    }

    /**
     * The tiny county with 祯埠镇小's periods 1-4 and 6 moved to 城西小学's times, so that a
     * 40-minute lesson fits them; period 5 still differs (13:40-14:20 against 13:30-14:10).
     */
    static County alignedCounty(Path dir) {
        return load(alignedTiny(dir));
    }

    /** The aligned tiny county's files, for a test to edit further before loading. */
    static TinyCounty alignedTiny(Path dir) {
        return TinyCounty.copyTo(dir)
                .edit(ZHENBU, "{start: \"08:10\", end: \"08:50\"}", "{start: \"08:00\", end: \"08:40\"}")
                .edit(ZHENBU, "{start: \"09:00\", end: \"09:40\"}", "{start: \"08:50\", end: \"09:30\"}")
                .edit(ZHENBU, "{start: \"10:10\", end: \"10:50\"}", "{start: \"10:00\", end: \"10:40\"}")
                .edit(ZHENBU, "{start: \"11:00\", end: \"11:40\"}", "{start: \"10:50\", end: \"11:30\"}")
                .edit(ZHENBU, "{start: \"14:30\", end: \"15:10\"}", "{start: \"14:20\", end: \"15:00\"}");
    }

    /**
     * The aligned tiny county in which 城西小学's 四年级(2)班 has 音乐 with 赵磊 where it had 英语
     * (monday period 4, tuesday period 3), so that c1-music (allowSwap) can take its host's own
     * period there while 祯埠镇小's 四年级(1)班 has 英语 with 刘洋, which a swap moves.
     */
    static County swapCounty(Path dir) {
        return load(swapTiny(dir));
    }

    /** The swap county's files, for a test to edit further before loading. */
    static TinyCounty swapTiny(Path dir) {
        return alignedTiny(dir)
                .edit(CHENGXI, "[数学 wang-fang, 语文 li-hua, 自习, 英语 zhao-lei, 空, 音乐 zhao-lei]",
                        "[数学 wang-fang, 语文 li-hua, 自习, 音乐 zhao-lei, 空, 音乐 zhao-lei]")
                .edit(CHENGXI, "[语文 li-hua, 数学 wang-fang, 英语 zhao-lei, 空, 自习, 自习]",
                        "[语文 li-hua, 数学 wang-fang, 音乐 zhao-lei, 空, 自习, 自习]");
    }

    static County load(TinyCounty tiny) {
        return CountyValidator.validate(tiny.dir()).orThrow();
    }

    /** A room in the school's recording classroom 'lubo', in that period of its own bell schedule. */
    Participant room(String school, String classId, String teacher, int period, Displaces displaces) {
        School s = county.school(school).orElseThrow();
        Period p = s.bellSchedule().period(day, period).orElseThrow();
        String className = s.schoolClass(classId).map(c -> c.name()).orElse(classId);
        return new Participant(school, s.name(), "lubo", classId, className, teacher, period, p.start(), p.end(),
                displaces, null);
    }

    /** A room like {@link #room} whose own period holds another subject's lesson, which {@code swap} moves. */
    Participant swapped(String school, String classId, String teacher, int period, Swap swap) {
        return withSwap(room(school, classId, teacher, period, Displaces.FREE), swap);
    }

    static Participant withSwap(Participant p, Swap swap) {
        return new Participant(p.school(), p.schoolName(), p.classroom(), p.classId(), p.className(), p.teacher(),
                p.period(), p.periodStart(), p.periodEnd(), Displaces.SWAPPED, swap);
    }

    static Participant inClassroom(Participant p, String classroom) {
        return new Participant(p.school(), p.schoolName(), classroom, p.classId(), p.className(), p.teacher(),
                p.period(), p.periodStart(), p.periodEnd(), p.displaces(), p.swap());
    }

    /** A weekly lesson on the current weekday at the times of its host's period. */
    WeeklyLesson weekly(String requirement, int index, Participant host, Participant... receivers) {
        LessonRequirement req = county.lessons().stream().filter(l -> l.id().equals(requirement)).findFirst()
                .orElseThrow();
        return new WeeklyLesson(WeeklyLesson.id(requirement, index), requirement, req.community(), req.kind(),
                req.subject(), day, host.periodStart(), host.periodEnd(), host, List.of(receivers));
    }

    /** Sets the weekday that the next rooms and weekly lessons are on. */
    TinyPlans day(DayOfWeek day) {
        this.day = day;
        return this;
    }

    /** 数学 on Monday in period 2 (08:50-09:30): the own 数学 period of both classes. */
    WeeklyLesson mathOnMonday() {
        day(DayOfWeek.MONDAY);
        return weekly("c1-math", 1, room("chengxi", "g4c1", "wang-fang", 2, Displaces.SAME_SUBJECT),
                room("zhenbu", "g4c1", "chen-jie", 2, Displaces.SAME_SUBJECT));
    }

    /** 音乐 on Monday in period 6 (14:20-15:00): 四年级(2)班's own 音乐, 祯埠镇小's free period. */
    WeeklyLesson musicOnMonday() {
        day(DayOfWeek.MONDAY);
        return weekly("c1-music", 1, room("chengxi", "g4c2", "zhao-lei", 6, Displaces.SAME_SUBJECT),
                room("zhenbu", "g4c1", "liu-yang", 6, Displaces.FREE));
    }

    /**
     * 音乐 on Tuesday in period 3 (10:00-10:40) of the {@link #swapCounty swap county}:
     * 四年级(2)班's own 音乐; 祯埠镇小's 四年级(1)班 has 英语 with 刘洋 then, which moves to Thursday
     * period 2, free for the class and for him.
     */
    WeeklyLesson musicSwappingEnglish() {
        day(DayOfWeek.TUESDAY);
        return weekly("c1-music", 1, room("chengxi", "g4c2", "zhao-lei", 3, Displaces.SAME_SUBJECT),
                swapped("zhenbu", "g4c1", "liu-yang", 3, ENGLISH_TO_THURSDAY));
    }

    static Occurrence on(WeeklyLesson w, LocalDate date) {
        return new Occurrence(Occurrence.id(w.id(), date), w.id(), w.requirement(), w.community(), w.kind(),
                w.subject(), date, w.day(), w.start(), w.end(), w.host(), w.receivers(), null);
    }

    static Occurrence on(WeeklyLesson w, LocalDate date, DayOfWeek timetableDay, String start, String end) {
        return new Occurrence(Occurrence.id(w.id(), date), w.id(), w.requirement(), w.community(), w.kind(),
                w.subject(), date, timetableDay, LocalTime.parse(start), LocalTime.parse(end), w.host(), w.receivers(), null);
    }

    /** The requirement's n-th session with all its participants, following all its lessons. */
    ResearchSession research(String requirement, int n, ResearchSession.Mode mode, LocalDate date, String start,
                             String end) {
        ResearchRequirement req = county.research().stream().filter(r -> r.id().equals(requirement)).findFirst()
                .orElseThrow();
        String location = mode == ResearchSession.Mode.ONLINE ? "online" : "chengxi";
        return new ResearchSession(requirement + "#" + n, requirement, req.community(), req.subject(), mode, date,
                LocalTime.parse(start), LocalTime.parse(end), location, req.participants(), req.follows());
    }

    static Plan plan(List<WeeklyLesson> weekly, List<Occurrence> occurrences, List<ResearchSession> research) {
        return new Plan("tiny", "0hard/0medium/0soft", weekly, occurrences, List.of(), research, List.of(), List.of());
    }

    static Plan plan(WeeklyLesson weekly, Occurrence... occurrences) {
        return plan(List.of(weekly), List.of(occurrences), List.of());
    }
}
