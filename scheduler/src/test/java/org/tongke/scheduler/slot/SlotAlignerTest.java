package org.tongke.scheduler.slot;

import org.tongke.config.calendar.WeeklySlot;
import org.tongke.config.calendar.SlotAligner;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.calendar.Period;
import org.tongke.config.calendar.TermCalendar;
import org.tongke.config.county.County;
import org.tongke.config.county.CommunityType;
import org.tongke.config.school.School;
import org.tongke.config.school.Setting;
import org.tongke.config.school.Stage;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;

class SlotAlignerTest {
    @TempDir
    Path dir;

    private static School school(String id, Period... periods) {
        return new School(id, id, Stage.PRIMARY, Setting.URBAN,
                new BellSchedule(Map.of(DayOfWeek.MONDAY, List.of(periods))), TermCalendar.empty(),
                List.of(), List.of(), List.of(), List.of());
    }

    private static Period period(int n, String start, String end) {
        return new Period(n, LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void lessonStartsAtTheLaterOfTwoOverlappingPeriods() {
        School a = school("a", period(1, "08:00", "08:45"), period(2, "08:55", "09:40"));
        School b = school("b", period(1, "08:05", "08:45"), period(2, "09:00", "09:40"));

        List<WeeklySlot> slots = SlotAligner.align(List.of(a, b), 40);

        assertThat(slots).extracting(WeeklySlot::label).containsExactly("monday 08:05-08:45", "monday 09:00-09:40");
        assertThat(slots.get(1).periodAt("a").orElseThrow().period()).isEqualTo(2);
        assertThat(slots.get(1).periodAt("b").orElseThrow().period()).isEqualTo(2);
    }

    @Test
    void periodsSharingLessThanTheLessonGiveNoSlot() {
        School a = school("a", period(1, "08:00", "08:40"));
        School b = school("b", period(1, "08:10", "08:50"));

        assertThat(SlotAligner.align(List.of(a, b), 40)).isEmpty();
        assertThat(SlotAligner.align(List.of(a, b), 30)).extracting(WeeklySlot::label).containsExactly("monday 08:10-08:40");
    }

    @Test
    void everySchoolOfALessonMustFitNotJustTwo() {
        School a = school("a", period(1, "08:00", "08:45"));
        School b = school("b", period(1, "08:00", "08:40"));
        School c = school("c", period(1, "08:10", "08:50"));

        assertThat(SlotAligner.align(List.of(a, b), 40)).hasSize(1);
        assertThat(SlotAligner.align(List.of(a, b, c), 40)).isEmpty();
    }

    @Test
    void tinyCountySchoolsAlignOnlyInTheAfternoon() {
        County county = CountyValidator.validate(TinyCounty.copyTo(dir).dir()).orThrow();
        List<School> schools = List.of(county.school("chengxi").orElseThrow(), county.school("zhenbu").orElseThrow());

        assertThat(SlotAligner.align(schools, 40)).isEmpty();
        assertThat(SlotAligner.align(schools, 30)).isNotEmpty();
    }

    @Test
    void everyLessonOfAQingtianCommunityWithTargetsHasAnAlignedSlot() {
        County county = CountyValidator.validate(Path.of("..", "samples", "qingtian")).orThrow();
        var withTargets = county.lessons().stream()
                .filter(l -> county.community(l.community()).orElseThrow().type() != CommunityType.COLLABORATIVE)
                .toList();

        assertThat(withTargets).hasSize(45).allSatisfy(lesson -> {
            List<School> schools = lesson.schools().stream().map(id -> county.school(id).orElseThrow()).toList();
            assertThat(SlotAligner.align(schools, lesson.durationMinutes())).as(lesson.id()).isNotEmpty();
        });
    }
}
