package org.tongke.config.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.County;
import org.tongke.config.diagnostic.Problem;
import org.tongke.config.requirement.LessonKind;
import org.tongke.config.school.SlotKind;
import org.tongke.config.testing.TinyCounty;

class CountyValidatorTest {
    private static final String CHENGXI = "schools/chengxi.yaml";
    private static final String ZHENBU = "schools/zhenbu.yaml";
    private static final String REQUIREMENTS = "requirements/c1.yaml";

    @TempDir
    Path dir;

    TinyCounty tiny;

    @BeforeEach
    void copyTinyCounty() {
        tiny = TinyCounty.copyTo(dir);
    }

    private List<String> errors() {
        return CountyValidator.validate(dir).problems().errors().stream().map(Problem::toString).toList();
    }

    @Test
    void loadsTheTinyCountyWithoutProblems() {
        ValidatedCounty result = CountyValidator.validate(dir);

        assertThat(result.problems().errors()).isEmpty();
        assertThat(result.problems().warnings()).isEmpty();
        County county = result.orThrow();
        assertThat(county.name()).isEqualTo("测试县");
        assertThat(county.communities()).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo(CommunityType.CO_BUILT));
        assertThat(county.school("chengxi").orElseThrow().bellSchedule().period(DayOfWeek.FRIDAY, 5).orElseThrow().end())
                .isEqualTo(LocalTime.of(14, 10));
        assertThat(county.school("chengxi").orElseThrow().bellSchedule().periods(DayOfWeek.FRIDAY)).hasSize(5);
        assertThat(county.school("zhenbu").orElseThrow().bellSchedule().periods(DayOfWeek.FRIDAY)).hasSize(6);
        assertThat(county.school("chengxi").orElseThrow().timetable())
                .filteredOn(e -> e.kind() == SlotKind.SELF_STUDY).hasSize(6);
        assertThat(county.lessons()).extracting(l -> l.kind()).containsExactly(LessonKind.SYNCHRONIZED, LessonKind.DEDICATED_DELIVERY);
    }

    @Test
    void schoolCalendarAddsItsOwnClosuresToTheCounty() {
        County county = CountyValidator.validate(dir).orThrow();
        var chengxi = county.school("chengxi").orElseThrow().calendar();
        var zhenbu = county.school("zhenbu").orElseThrow().calendar();

        assertThat(chengxi.teachingWeekday(java.time.LocalDate.of(2021, 11, 10))).isEmpty();
        assertThat(zhenbu.teachingWeekday(java.time.LocalDate.of(2021, 11, 10))).contains(DayOfWeek.WEDNESDAY);
        assertThat(zhenbu.teachingWeekday(java.time.LocalDate.of(2021, 10, 4))).isEmpty();
        assertThat(zhenbu.teachingWeekday(java.time.LocalDate.of(2021, 9, 26))).contains(DayOfWeek.THURSDAY);
        assertThat(zhenbu.teachingWeekday(java.time.LocalDate.of(2021, 9, 25))).isEmpty();
        assertThat(zhenbu.teachingWeekday(java.time.LocalDate.of(2022, 1, 24))).isEmpty();
    }

    @Test
    void aSchoolsOwnClosureWinsOverACountyMakeUpDay() {
        tiny.edit(CHENGXI, "    - {name: 期中考试, start: 2021-11-10, end: 2021-11-11}",
                "    - {name: 期中考试, start: 2021-11-10, end: 2021-11-11}\n    - {name: 月考, date: 2021-09-26}");

        County county = CountyValidator.validate(dir).orThrow();

        assertThat(county.school("chengxi").orElseThrow().calendar().teachingWeekday(java.time.LocalDate.of(2021, 9, 26))).isEmpty();
        assertThat(county.school("zhenbu").orElseThrow().calendar().teachingWeekday(java.time.LocalDate.of(2021, 9, 26)))
                .contains(DayOfWeek.THURSDAY);
    }

    @Test
    void rejectsPeriodThatEndsBeforeItStarts() {
        tiny.edit(ZHENBU, "{start: \"09:00\", end: \"09:40\"}", "{start: \"09:00\", end: \"08:30\"}");

        assertThat(errors()).containsExactly(ZHENBU + ":" + tiny.lineOf(ZHENBU, "08:30")
                + " bellSchedule.weekdays[1].end: period ends (08:30) before it starts (09:00)");
    }

    @Test
    void rejectsOverlappingPeriods() {
        tiny.edit(ZHENBU, "{start: \"10:10\", end: \"10:50\"}", "{start: \"09:30\", end: \"10:50\"}");

        assertThat(errors()).containsExactly(ZHENBU + ":" + tiny.lineOf(ZHENBU, "09:30")
                + " bellSchedule.weekdays[2]: period 3 (09:30-10:50) overlaps period 2 (09:00-09:40)");
    }

    @Test
    void rejectsTimeThatIsNotATime() {
        tiny.edit(CHENGXI, "{start: \"13:30\", end: \"14:10\"}\n    - {start: \"14:20\"",
                "{start: \"1点半\", end: \"14:10\"}\n    - {start: \"14:20\"");

        assertThat(errors()).containsExactly(CHENGXI + ":" + tiny.lineOf(CHENGXI, "1点半")
                + " bellSchedule.weekdays[4].start: '1点半' is not a time of day (expected HH:MM, like 08:05)");
    }

    @Test
    void rejectsUnknownKeyAndSuggestsTheKnownOne() {
        tiny.edit(CHENGXI, "setting: urban", "setting: urban\nbellSchedul: {}");

        assertThat(errors()).containsExactly(
                CHENGXI + ":5 bellSchedul: unknown key (did you mean 'bellSchedule'?)");
    }

    @Test
    void rejectsMissingField() {
        tiny.edit(ZHENBU, "  - {id: g4c1, grade: 4, name: 四年级(1)班, size: 21, homeroom: r4}",
                "  - {id: g4c1, name: 四年级(1)班, size: 21, homeroom: r4}");

        List<String> errors = errors();
        assertThat(errors).startsWith(ZHENBU + ":" + tiny.lineOf(ZHENBU, "id: g4c1")
                + " classes[0].grade: required field is missing");
    }

    @Test
    void rejectsValueOutsideAFixedSet() {
        tiny.edit(CHENGXI, "stage: primary", "stage: kindergarten");

        assertThat(errors()).containsExactly(
                CHENGXI + ":3 stage: 'kindergarten' is not one of primary, junior, nine-year");
    }

    @Test
    void rejectsReferenceToSchoolThatDoesNotExist() {
        tiny.edit("communities.yaml", "members: [zhenbu]", "members: [zhenbu, renzhuang]");

        assertThat(errors()).containsExactly("communities.yaml:" + tiny.lineOf("communities.yaml", "renzhuang")
                + " communities[0].members[1]: no school 'renzhuang' (no schools/*.yaml has this id)");
    }

    @Test
    void rejectsReferenceToClassTeacherAndClassroomThatDoNotExist() {
        tiny.edit(REQUIREMENTS, "{school: zhenbu, class: g4c1, assistant: chen-jie}",
                "{school: zhenbu, class: g5c1, assistant: chen-jie}");
        tiny.edit(REQUIREMENTS, "{school: chengxi, class: g4c1, teacher: wang-fang}",
                "{school: chengxi, class: g4c1, teacher: wang-li}");
        tiny.edit(CHENGXI, "homeroom: r402", "homeroom: r403");

        int receiverLine = tiny.lineOf(REQUIREMENTS, "class: g5c1");
        int hostLine = tiny.lineOf(REQUIREMENTS, "teacher: wang-li");
        assertThat(errors()).containsExactly(
                REQUIREMENTS + ":" + hostLine + " lessons[0].host.teacher: no teacher 'wang-li' at school 'chengxi' (城西小学)",
                REQUIREMENTS + ":" + receiverLine + " lessons[0].receivers[0].class: no class 'g5c1' at school 'zhenbu' (祯埠镇小)",
                CHENGXI + ":" + tiny.lineOf(CHENGXI, "r403") + " classes[1].homeroom: no classroom 'r403' at school 'chengxi' (城西小学)");
    }

    @Test
    void rejectsClassBookedTwiceInOnePeriod() {
        tiny.edit(CHENGXI, "  - {class: g4c2, day: tuesday,",
                "  - {class: g4c1, day: tuesday, from: 6, periods: [英语 zhao-lei]}\n  - {class: g4c2, day: tuesday,");

        int first = tiny.lineOf(CHENGXI, "{class: g4c1, day: tuesday, periods");
        int second = tiny.lineOf(CHENGXI, "from: 6");
        assertThat(errors()).containsExactly(CHENGXI + ":" + second + " timetable[3].periods[0]: class 'g4c1' is booked"
                + " twice on tuesday period 6 (also at " + CHENGXI + ":" + first + " timetable[2].periods[5])");
    }

    @Test
    void rejectsTeacherBookedInTwoClassesAtOnce() {
        tiny.edit(CHENGXI, "{class: g4c2, day: monday, periods: [数学 wang-fang, 语文 li-hua,",
                "{class: g4c2, day: monday, periods: [数学 wang-fang, 数学 wang-fang,");

        int line = tiny.lineOf(CHENGXI, "{class: g4c2, day: monday");
        int other = tiny.lineOf(CHENGXI, "{class: g4c1, day: monday");
        assertThat(errors()).containsExactly(CHENGXI + ":" + line + " timetable[1].periods[1]: teacher 'wang-fang' is"
                + " booked twice on monday period 2: class 'g4c2' and class 'g4c1' (at " + CHENGXI + ":" + other
                + " timetable[0].periods[1])");
    }

    @Test
    void rejectsTimetableCellBeyondTheBellSchedule() {
        tiny.edit(CHENGXI, "{class: g4c1, day: tuesday, periods: [数学 wang-fang, 语文 li-hua, 自习, 空, 英语 zhao-lei, 自习]}",
                "{class: g4c1, day: friday, periods: [数学 wang-fang, 语文 li-hua, 自习, 空, 英语 zhao-lei, 自习]}");

        assertThat(errors()).containsExactly(CHENGXI + ":" + tiny.lineOf(CHENGXI, "day: friday")
                + " timetable[2].periods[5]: the bell schedule has no period 6 on friday (it has 5)");
    }

    @Test
    void rejectsTeacherWhoDoesNotTeachTheSubject() {
        tiny.edit(ZHENBU, "periods: [语文 chen-jie, 数学 chen-jie, 自习, 英语 liu-yang",
                "periods: [语文 chen-jie, 数学 chen-jie, 自习, 英语 chen-jie");

        assertThat(errors()).containsExactly(ZHENBU + ":" + tiny.lineOf(ZHENBU, "英语 chen-jie")
                + " timetable[0].periods[3]: teacher 'chen-jie' does not teach 英语 (teaches 数学, 语文)");
    }

    @Test
    void rejectsIdsUsedTwice() {
        tiny.edit(CHENGXI, "  - {id: li-hua, name: 李华, subjects: [语文]}",
                "  - {id: li-hua, name: 李华, subjects: [语文]}\n  - {id: li-hua, name: 李花, subjects: [美术]}");

        assertThat(errors()).containsExactly(CHENGXI + ":" + tiny.lineOf(CHENGXI, "李花")
                + " teachers[2].id: teacher id 'li-hua' is already used at " + CHENGXI + ":"
                + tiny.lineOf(CHENGXI, "李华") + " teachers[1]");
    }

    @Test
    void rejectsTwoRecordingClassroomsWithOneAgent() {
        tiny.edit(ZHENBU, "agent: zhenbu-rec1", "agent: chengxi-rec1");

        assertThat(errors()).containsExactly(ZHENBU + ":" + tiny.lineOf(ZHENBU, "chengxi-rec1")
                + " classrooms[0].agent: edge agent 'chengxi-rec1' already records " + CHENGXI + ":"
                + tiny.lineOf(CHENGXI, "chengxi-rec1") + " classrooms[0]");
    }

    @Test
    void rejectsLessonLongerThanEveryPeriodOfAParticipatingSchool() {
        tiny.edit(REQUIREMENTS, "    perWeek: 1\n    duration: 40\n  - id: c1-music", "    perWeek: 1\n    duration: 45\n  - id: c1-music");

        assertThat(errors()).containsExactly(
                REQUIREMENTS + ":" + tiny.lineOf(REQUIREMENTS, "duration: 45")
                        + " lessons[0].duration: no period at school 'chengxi' (城西小学) is 45 minutes long (longest: 40)",
                REQUIREMENTS + ":" + tiny.lineOf(REQUIREMENTS, "duration: 45")
                        + " lessons[0].duration: no period at school 'zhenbu' (祯埠镇小) is 45 minutes long (longest: 40)");
    }

    @Test
    void reportsYamlSyntaxErrorWithItsLine() {
        tiny.edit(ZHENBU, "  - {id: chen-jie, name: 陈杰, subjects: [数学, 语文]}", "  - {id: chen-jie, name: 陈杰, subjects: [数学, 语文}");

        assertThat(errors()).singleElement().asString()
                .startsWith(ZHENBU + ":" + tiny.lineOf(ZHENBU, "陈杰") + ": not valid YAML: ");
    }

    @Test
    void reportsEveryErrorOfEveryFileAtOnce() {
        tiny.edit(ZHENBU, "{start: \"09:00\", end: \"09:40\"}", "{start: \"09:00\", end: \"08:30\"}");
        tiny.edit(CHENGXI, "setting: urban", "setting: city");
        tiny.edit("communities.yaml", "type: co-built", "type: co-built\n    leader: 张三");
        tiny.edit(REQUIREMENTS, "community: c1\n    kind: synchronized", "community: c9\n    kind: synchronized");
        tiny.edit("county.yaml", "start: 2021-09-01", "start: 2021-09-31");

        assertThat(errors()).hasSize(5).anySatisfy(e -> assertThat(e).contains("period ends (08:30)"))
                .anySatisfy(e -> assertThat(e).contains("'city' is not one of urban, rural"))
                .anySatisfy(e -> assertThat(e).contains("communities[0].leader: unknown key"))
                .anySatisfy(e -> assertThat(e).contains("lessons[0].community: no community 'c9'"))
                .anySatisfy(e -> assertThat(e).contains("'2021-09-31' is not a date"));
    }

    @Test
    void warnsWhenRequirementsCannotReachTheYearlyTargets() {
        tiny.edit(REQUIREMENTS, "    onlinePerTerm: 2\n    offlinePerTerm: 1\n    duration: 60",
                "    onlinePerTerm: 1\n    offlinePerTerm: 1\n    duration: 60");

        ValidatedCounty result = CountyValidator.validate(dir);

        assertThat(result.usable()).isTrue();
        assertThat(result.problems().warnings()).singleElement().asString().isEqualTo(
                "communities.yaml:2 communities[0]: pairing chengxi -> zhenbu can reach at most 82 lessons in 2 subjects,"
                        + " 6 online and 4 offline research sessions a year; co-built communities aim for 20, 2, 8 and 4");
    }

    @Test
    void survivesFilesThatAreNotConfigurationAtAll() throws Exception {
        java.nio.file.Files.write(dir.resolve(ZHENBU), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        tiny.write("communities.yaml", "- just\n- a list\n");
        tiny.write(REQUIREMENTS, "");

        assertThat(errors()).contains(
                "communities.yaml:1: expected a mapping of keys to values at the top of the file",
                REQUIREMENTS + ": file is empty");
        assertThat(errors()).contains(ZHENBU + ": not UTF-8 text");
    }

    @Test
    void rejectsPeriodsListedOutOfTimeOrder() {
        tiny.edit(ZHENBU, "    - {start: \"08:10\", end: \"08:50\"}\n    - {start: \"09:00\", end: \"09:40\"}",
                "    - {start: \"09:00\", end: \"09:40\"}\n    - {start: \"08:10\", end: \"08:50\"}");

        assertThat(errors()).first().asString().isEqualTo(ZHENBU + ":" + tiny.lineOf(ZHENBU, "08:10")
                + " bellSchedule.weekdays[1]: period 2 (08:10-08:50) starts before period 1 (09:00-09:40);"
                + " list periods in time order");
    }

    @Test
    void acceptsTheFullWidthSpaceOfAChineseKeyboardInATimetableCell() {
        tiny.edit(ZHENBU, "[语文 chen-jie, 数学 chen-jie, 自习, 英语 liu-yang", "[语文\u3000chen-jie, 数学 chen-jie, 自习, 英语 liu-yang");

        assertThat(errors()).isEmpty();
    }

    @Test
    void rejectsUnavailablePeriodThatTheBellScheduleDoesNotHave() {
        tiny.edit(CHENGXI, "{weekday: wednesday, periods: [5, 6], reason: 教研活动}", "{weekday: friday, periods: [5, 6], reason: 教研活动}");

        assertThat(errors()).containsExactly(CHENGXI + ":" + tiny.lineOf(CHENGXI, "weekday: friday")
                + " teachers[2].unavailable[0].periods: period 6 is not in the bell schedule on friday (it has 5)");
    }

    @Test
    void aSchoolFileThatDoesNotParseHidesNoErrorAndInventsNone() {
        tiny.write("schools/zhenbu.yaml", tiny.read("schools/zhenbu.yaml").replace("[数学, 语文]}", "[数学, 语文}"));
        tiny.edit(CHENGXI, "homeroom: r402", "homeroom: r403");

        assertThat(errors()).hasSize(2).anySatisfy(e -> assertThat(e).startsWith(ZHENBU + ":"))
                .anySatisfy(e -> assertThat(e).contains("no classroom 'r403'"))
                .noneSatisfy(e -> assertThat(e).contains("no school 'zhenbu'"));
    }

    @Test
    void aTeacherWithoutSubjectsIsOneErrorNotOnePerLesson() {
        tiny.edit(ZHENBU, "  - {id: chen-jie, name: 陈杰, subjects: [数学, 语文]}", "  - {id: chen-jie, name: 陈杰, subject: [数学, 语文]}");

        assertThat(errors()).containsExactly(
                ZHENBU + ":" + tiny.lineOf(ZHENBU, "陈杰") + " teachers[0].subject: unknown key (did you mean 'subjects'?)",
                ZHENBU + ":" + tiny.lineOf(ZHENBU, "陈杰") + " teachers[0].subjects: required field is missing");
    }

    @Test
    void reportsCrossFileErrorsEvenWhenTheCountyHeaderIsBroken() {
        tiny.edit("county.yaml", "name: 测试县\n", "");
        tiny.edit(CHENGXI, "homeroom: r402", "homeroom: r403");

        assertThat(errors()).containsExactly(
                "county.yaml:" + tiny.lineOf("county.yaml", "id: tiny") + " name: required field is missing",
                CHENGXI + ":" + tiny.lineOf(CHENGXI, "r403") + " classes[1].homeroom: no classroom 'r403' at school 'chengxi' (城西小学)");
    }

    @Test
    void reportsMissingFolderAndFiles() {
        assertThat(CountyValidator.validate(dir.resolve("nowhere")).problems().errors()).singleElement().asString()
                .endsWith("nowhere: configuration folder does not exist");

        tiny.write("county.yaml", "id: tiny\nname: 测试县\n");
        assertThat(errors()).containsExactly("county.yaml:1 calendar: required field is missing");
    }
}
