package org.tongke.scheduler.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tongke.config.calendar.DateSpan;
import org.tongke.config.calendar.Period;
import org.tongke.config.county.County;
import org.tongke.config.generate.SampleCounties;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.school.School;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.Participant.Displaces;
import org.tongke.scheduler.plan.Plan;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * The checker on a plan of the synthetic 200-school county: five lessons a week of every
 * requirement laid down blindly (each in some period of its host, whether or not the others
 * fit) and repeated on every teaching day of the year, so that the plan is as big as a real one
 * and full of faults.
 */
class PlanCheckerScaleTest {
    private static final DayOfWeek[] WEEKDAYS = {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY};
    private static final int LESSONS_A_WEEK = 5;

    @Test
    void findsTheFaultsOfAYearOfATwoHundredSchoolCounty() {
        County county = SampleCounties.synthetic(200, 70, 7);
        List<WeeklyLesson> weekly = new ArrayList<>();
        for (LessonRequirement req : county.lessons()) {
            // Five a week whatever the requirement asks, to reach the 1,000 weekly lessons.
            for (int i = 1; i <= LESSONS_A_WEEK; i++) {
                blindly(county, req, i).ifPresent(weekly::add);
            }
        }
        List<Occurrence> occurrences = new ArrayList<>();
        for (WeeklyLesson w : weekly) {
            occurrences.addAll(yearOf(county, w));
        }
        Plan plan = new Plan(county.id(), "0hard/0medium/0soft", weekly, occurrences, List.of(), List.of(), List.of(),
                List.of());

        List<Violation> violations = new PlanChecker(county).check(plan);

        assertThat(weekly.size()).isGreaterThan(1_000);
        assertThat(occurrences.size()).isGreaterThan(30_000);
        assertThat(violations.size()).isPositive();
        assertThat(violations).extracting(Violation::rule).contains(Rule.DOUBLE_BOOKING);
    }

    private static Optional<WeeklyLesson> blindly(County county, LessonRequirement req, int index) {
        DayOfWeek day = WEEKDAYS[Math.floorMod(req.id().hashCode() + index, WEEKDAYS.length)];
        Optional<School> hostSchool = county.school(req.host().school());
        List<Period> periods = hostSchool.map(s -> s.bellSchedule().periods(day)).orElse(List.of());
        if (periods.isEmpty()) {
            return Optional.empty();
        }
        Period p = periods.get(Math.floorMod(req.id().hashCode() * 31 + index, periods.size()));
        LocalTime start = p.start();
        LocalTime end = start.plusMinutes(req.durationMinutes());
        List<Participant> receivers = req.receivers().stream().map(r -> room(county, r, day, start, end)).toList();
        return Optional.of(new WeeklyLesson(WeeklyLesson.id(req.id(), index), req.id(), req.community(), req.kind(),
                req.subject(), day, start, end, room(county, req.host(), day, start, end), receivers));
    }

    private static Participant room(County county, ClassRef ref, DayOfWeek day, LocalTime start, LocalTime end) {
        School school = county.school(ref.school()).orElseThrow();
        Period p = school.bellSchedule().periods(day).stream().filter(q -> q.overlaps(start, end)).findFirst()
                .orElse(new Period(1, start, end));
        String room = school.recordingClassrooms().isEmpty() ? null : school.recordingClassrooms().get(0).id();
        return new Participant(school.id(), school.name(), room, ref.classId(), ref.classId(), ref.teacher(),
                p.number(), p.start(), p.end(), Displaces.FREE, null);
    }

    private static List<Occurrence> yearOf(County county, WeeklyLesson w) {
        List<Occurrence> dates = new ArrayList<>();
        for (DateSpan term : county.calendar().terms()) {
            for (LocalDate date : county.calendar().teachingDays(term)) {
                if (county.calendar().teachingWeekday(date).orElseThrow() == w.day()) {
                    dates.add(new Occurrence(Occurrence.id(w.id(), date), w.id(), w.requirement(), w.community(),
                            w.kind(), w.subject(), date, w.day(), w.start(), w.end(), w.host(), w.receivers(), null));
                }
            }
        }
        return dates;
    }
}
