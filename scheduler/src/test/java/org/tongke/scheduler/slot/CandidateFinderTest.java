package org.tongke.scheduler.slot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongke.config.calendar.SlotAligner;
import org.tongke.config.calendar.WeeklySlot;
import org.tongke.config.county.County;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.testing.TinyCounty;
import org.tongke.config.validate.CountyValidator;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Participant.Displaces;

class CandidateFinderTest {
    @TempDir
    Path dir;

    TinyCounty tiny;

    @BeforeEach
    void alignAfternoons() {
        tiny = TinyCounty.copyTo(dir);
        tiny.edit("schools/zhenbu.yaml", "{start: \"13:40\", end: \"14:20\"}", "{start: \"13:30\", end: \"14:10\"}");
    }

    private County county() {
        return CountyValidator.validate(dir).orThrow();
    }

    private static LessonRequirement requirement(County county, String id) {
        return county.lessons().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static WeeklySlot thursdayAfternoon(County county, LessonRequirement lesson) {
        var schools = lesson.schools().stream().map(s -> county.school(s).orElseThrow()).toList();
        return SlotAligner.align(schools, lesson.durationMinutes()).stream()
                .filter(s -> s.day() == DayOfWeek.THURSDAY && s.start().equals(LocalTime.of(13, 30))).findFirst().orElseThrow();
    }

    /** Adds a Thursday period 5 (13:30) to a class's timetable. */
    private void thursdayPeriodFive(String school, String classId, String cell) {
        String file = "schools/" + school + ".yaml";
        tiny.write(file, tiny.read(file) + "  - {class: " + classId + ", day: thursday, from: 5, periods: [" + cell + "]}\n");
    }

    @Test
    void swapsAReceivingClassesOtherLessonWhenTheRequirementAllowsIt() {
        thursdayPeriodFive("zhenbu", "g4c1", "数学 chen-jie");
        County county = county();
        LessonRequirement music = requirement(county, "c1-music");

        CandidateFinder.Result found = new CandidateFinder(county).at(music, thursdayAfternoon(county, music));

        assertThat(found.candidates()).singleElement().satisfies(c -> {
            assertThat(c.displaces()).containsExactly(Displaces.FREE, Displaces.SWAPPED);
            assertThat(c.swaps().get(1)).isEqualTo(new Participant.Swap(DayOfWeek.THURSDAY, 1, "数学", "chen-jie"));
            assertThat(c.swapBookings()).extracting(SwapBooking::key)
                    .containsExactly("class:zhenbu/g4c1", "teacher:zhenbu/chen-jie");
        });
    }

    @Test
    void neverSwapsWhenTheRequirementDoesNotAllowIt() {
        thursdayPeriodFive("zhenbu", "g4c1", "英语 liu-yang");
        County county = county();
        LessonRequirement math = requirement(county, "c1-math");

        CandidateFinder.Result found = new CandidateFinder(county).at(math, thursdayAfternoon(county, math));

        assertThat(found.candidates()).isEmpty();
        assertThat(found.whyNone()).isEqualTo("四年级(1)班 of 祯埠镇小 has 英语 then");
    }

    @Test
    void neverSwapsTheHostClassesPeriod() {
        thursdayPeriodFive("chengxi", "g4c2", "语文 li-hua");
        County county = county();
        LessonRequirement music = requirement(county, "c1-music");

        CandidateFinder.Result found = new CandidateFinder(county).at(music, thursdayAfternoon(county, music));

        assertThat(found.whyNone()).isEqualTo("四年级(2)班 of 城西小学 has 语文 then");
    }
}
