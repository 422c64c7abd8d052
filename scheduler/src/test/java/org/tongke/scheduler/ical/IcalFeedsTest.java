package org.tongke.scheduler.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongke.scheduler.ical.ParsedFeed.value;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import org.tongke.config.county.County;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.ResearchSession;

class IcalFeedsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-08-30T02:00:00Z"), ZoneOffset.UTC);

    private final County county = SolvedTinyPlan.county();
    private final Plan plan = SolvedTinyPlan.plan();
    private final PlanCalendars calendars = new PlanCalendars(county, CLOCK);

    @Test
    void everyFeedParsesBackAndPassesIcal4jValidation() throws Exception {
        for (String text : List.of(calendars.school(plan, "zhenbu", Map.of()),
                calendars.teacher(plan, "chengxi", "wang-fang", Map.of()),
                calendars.classroom(plan, "chengxi", "lubo", Map.of()))) {
            ParsedFeed feed = ParsedFeed.parse(text);
            ValidationResult result = feed.calendar().validate();
            assertThat(result.hasErrors()).as(result.toString()).isFalse();
            assertThat(feed.events()).isNotEmpty();
        }
    }

    @Test
    void schoolFeedHoldsEveryLessonAndResearchSessionOfTheSchool() {
        ParsedFeed feed = ParsedFeed.parse(calendars.school(plan, "zhenbu", Map.of()));

        List<String> expected = Stream.concat(
                plan.occurrences().stream().filter(o -> o.participants().stream()
                        .anyMatch(p -> p.school().equals("zhenbu"))).map(Occurrence::id),
                plan.research().stream().filter(s -> s.participants().stream()
                        .anyMatch(t -> t.school().equals("zhenbu"))).map(ResearchSession::id))
                .map(id -> id + "@tongke").toList();
        assertThat(plan.research()).isNotEmpty();
        assertThat(feed.uids()).hasSize(plan.occurrences().size() + plan.research().size())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void teacherFeedHoldsOnlyTheLessonsAndResearchTheTeacherTakesPartIn() {
        // 陈杰 assists the 数学 lessons and discusses them; 刘洋 has the 音乐 ones.
        ParsedFeed feed = ParsedFeed.parse(calendars.teacher(plan, "zhenbu", "chen-jie", Map.of()));

        List<String> expected = Stream.concat(
                plan.occurrences().stream().filter(o -> o.requirement().equals("c1-math")).map(Occurrence::id),
                plan.research().stream().filter(s -> s.requirement().equals("c1-research-math"))
                        .map(ResearchSession::id))
                .map(id -> id + "@tongke").toList();
        assertThat(plan.occurrences()).anyMatch(o -> o.requirement().equals("c1-music"));
        assertThat(feed.uids()).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(feed.events()).allSatisfy(e -> assertThat(value(e, Property.SUMMARY)).contains("数学"));
    }

    @Test
    void classroomFeedHoldsTheLessonsHeldInItAndNoResearch() {
        ParsedFeed feed = ParsedFeed.parse(calendars.classroom(plan, "zhenbu", "lubo", Map.of()));

        List<String> expected = plan.occurrences().stream()
                .filter(o -> o.participants().stream()
                        .anyMatch(p -> p.school().equals("zhenbu") && "lubo".equals(p.classroom())))
                .map(o -> o.id() + "@tongke").toList();
        assertThat(feed.uids()).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(feed.calendarValue("X-WR-CALNAME")).isEqualTo("祯埠镇小 录播教室");
    }

    @Test
    void lessonStartsAtHalfPastOneBeijingTimeOnItsDate() {
        Occurrence first = plan.occurrences().get(0);
        String text = calendars.school(plan, "chengxi", Map.of());
        VEvent event = ParsedFeed.parse(text).event(first.id() + "@tongke");

        DtStart<ZonedDateTime> start = event.getProperty(Property.DTSTART).map(p -> (DtStart<ZonedDateTime>) p)
                .orElseThrow();
        assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue)).contains("Asia/Shanghai");
        assertThat(start.getDate().toLocalDateTime()).isEqualTo(LocalDateTime.of(first.date(), LocalTime.of(13, 30)));
        assertThat(start.getDate().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(text).contains("DTSTART;TZID=Asia/Shanghai:"
                + first.date().format(DateTimeFormatter.BASIC_ISO_DATE) + "T133000\r\n");
        assertThat(ParsedFeed.parse(text).calendar().<VTimeZone>getComponents(Component.VTIMEZONE))
                .singleElement().satisfies(z -> assertThat(value(z, Property.TZID)).isEqualTo("Asia/Shanghai"));
    }

    @Test
    void samePlanRenderedTwiceKeepsItsUidsAndText() {
        PlanCalendars later = new PlanCalendars(county, Clock.offset(CLOCK, Duration.ofDays(3)));

        String first = calendars.teacher(plan, "chengxi", "wang-fang", Map.of());
        assertThat(ParsedFeed.parse(later.teacher(plan, "chengxi", "wang-fang", Map.of())).uids())
                .isEqualTo(ParsedFeed.parse(first).uids());
        assertThat(calendars.teacher(plan, "chengxi", "wang-fang", Map.of())).isEqualTo(first);
    }

    @Test
    void lessonSaysWhatWhereAndWhoInChinese() {
        Occurrence math = plan.occurrences().stream().filter(o -> o.requirement().equals("c1-math")).findFirst()
                .orElseThrow();
        VEvent event = ParsedFeed.parse(calendars.school(plan, "zhenbu", Map.of())).event(math.id() + "@tongke");

        assertThat(value(event, Property.SUMMARY)).isEqualTo("同步课堂 数学 · 城西小学 四年级(1)班 → 祯埠镇小 四年级(1)班");
        assertThat(value(event, Property.LOCATION)).isEqualTo("祯埠镇小 录播教室");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo(
                "主讲：城西小学 四年级(1)班，王芳，录播教室，第5节 13:30-14:10\n"
                        + "接收：祯埠镇小 四年级(1)班，陈杰，录播教室，第5节 13:30-14:10");
        assertThat(value(event, Property.CATEGORIES)).isEqualTo("同步课堂");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20210830T020000Z");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getParameter(Parameter.CN)
                .map(Parameter::getValue)).contains("王芳（城西小学）");
    }

    @Test
    void movedLessonSaysWhereItWasAndWhy() {
        Occurrence math = plan.occurrences().stream().filter(o -> o.requirement().equals("c1-math")).findFirst()
                .orElseThrow();
        Plan replanned = SolvedTinyPlan.withOccurrence(plan, math.id(), o -> o.put("start", "14:20").put("end", "15:00")
                .putObject("moved").put("fromDate", math.date().toString()).put("fromStart", "13:30")
                .put("reason", "王芳 of 城西小学 is absent (病假)"));

        VEvent event = ParsedFeed.parse(calendars.school(replanned, "zhenbu", Map.of())).event(math.id() + "@tongke");

        assertThat(value(event, Property.DESCRIPTION))
                .endsWith("\n调课：原定 " + math.date() + " 13:30，王芳 of 城西小学 is absent (病假)");
    }

    @Test
    void dedicatedDeliveryLessonIsNamedAsSuchAndLocatedAtTheViewersRoom() {
        Occurrence music = plan.occurrences().stream().filter(o -> o.requirement().equals("c1-music")).findFirst()
                .orElseThrow();
        VEvent event = ParsedFeed.parse(calendars.school(plan, "chengxi", Map.of())).event(music.id() + "@tongke");

        assertThat(value(event, Property.SUMMARY)).startsWith("专递课堂 音乐 · 城西小学 四年级(2)班 → ");
        assertThat(value(event, Property.LOCATION)).isEqualTo("城西小学 录播教室");
        assertThat(value(event, Property.CATEGORIES)).isEqualTo("专递课堂");
    }

    @Test
    void researchSessionIsNamedByModeAndSubject() {
        ParsedFeed feed = ParsedFeed.parse(calendars.teacher(plan, "zhenbu", "chen-jie", Map.of()));

        for (ResearchSession session : plan.research().stream()
                .filter(s -> s.requirement().equals("c1-research-math")).toList()) {
            VEvent event = feed.event(session.id() + "@tongke");
            String mode = session.mode() == ResearchSession.Mode.ONLINE ? "网络研修" : "线下教研";
            assertThat(value(event, Property.SUMMARY)).isEqualTo(mode + " 数学");
            assertThat(value(event, Property.CATEGORIES)).isEqualTo(mode);
            assertThat(value(event, Property.LOCATION)).isEqualTo(session.location());
            assertThat(value(event, Property.DESCRIPTION)).contains("参加：城西小学 王芳、祯埠镇小 陈杰");
        }
        assertThat(plan.research()).anyMatch(s -> s.mode() == ResearchSession.Mode.OFFLINE)
                .anyMatch(s -> s.mode() == ResearchSession.Mode.ONLINE);
    }

    @Test
    void calendarNamesItselfAndPublishesGregorianEvents() {
        ParsedFeed feed = ParsedFeed.parse(calendars.teacher(plan, "zhenbu", "chen-jie", Map.of()));

        assertThat(feed.calendarValue(Property.PRODID)).isEqualTo("-//Tongke//同课//ZH");
        assertThat(feed.calendarValue(Property.VERSION)).isEqualTo("2.0");
        assertThat(feed.calendarValue(Property.CALSCALE)).isEqualTo("GREGORIAN");
        assertThat(feed.calendarValue(Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(feed.calendarValue("X-WR-CALNAME")).isEqualTo("陈杰（祯埠镇小）");
        assertThat(ParsedFeed.parse(calendars.school(plan, "chengxi", Map.of())).calendarValue("X-WR-CALNAME"))
                .isEqualTo("城西小学");
    }

    @Test
    void sequenceComesFromTheCallersMapAndIsZeroWhenMissing() {
        Occurrence first = plan.occurrences().get(0);
        Occurrence second = plan.occurrences().get(1);

        ParsedFeed feed = ParsedFeed.parse(calendars.school(plan, "chengxi",
                Map.of(PlanCalendars.uid(first.id()), 3)));

        assertThat(value(feed.event(first.id() + "@tongke"), Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(feed.event(second.id() + "@tongke"), Property.SEQUENCE)).isEqualTo("0");
    }

    @Test
    void feedEndsLinesWithCrlfAndFoldsThemAtSeventyFiveOctets() {
        String text = calendars.school(plan, "zhenbu", Map.of());

        assertThat(text).endsWith("END:VCALENDAR\r\n").doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
        List<String> lines = Arrays.asList(text.split("\r\n"));
        assertThat(lines).allSatisfy(line -> assertThat(octets(line)).as(line).isLessThanOrEqualTo(75));
        assertThat(lines).anyMatch(line -> line.startsWith(" "));
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(" ")) {
                // Folded only where the next character would not have fitted.
                String next = lines.get(i).substring(1, 1 + Character.charCount(lines.get(i).codePointAt(1)));
                assertThat(octets(lines.get(i - 1)) + octets(next)).as(lines.get(i - 1)).isGreaterThan(75);
            }
        }
    }

    private static int octets(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void unknownSchoolTeacherOrClassroomIsRefusedByName() {
        assertThatThrownBy(() -> calendars.school(plan, "nowhere", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown school 'nowhere'");
        assertThatThrownBy(() -> calendars.teacher(plan, "nowhere", "chen-jie", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown school 'nowhere'");
        assertThatThrownBy(() -> calendars.teacher(plan, "zhenbu", "wang-fang", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown teacher 'wang-fang' at 祯埠镇小 (zhenbu)");
        assertThatThrownBy(() -> calendars.classroom(plan, "zhenbu", "studio", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown classroom 'studio' at 祯埠镇小 (zhenbu)");
        assertThatThrownBy(() -> calendars.classroom(plan, "zhenbu", "r4", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("四年级教室 (r4) at 祯埠镇小 (zhenbu) is not a recording classroom");
    }
}
