package org.tongke.config.generate;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.calendar.Period;
import org.tongke.config.school.Stage;

/**
 * The few choices that make one school's bells differ from another's: when the morning
 * starts, how long the long break (大课间) after period 2 lasts, when the afternoon starts and
 * how far apart its periods start ({@code afternoonStep}, 0 for the school's own period plus a
 * 10-minute break), and whether Friday has one period fewer. Period lengths follow the stage:
 * 40 minutes in primary and nine-year schools, 45 in junior ones.
 */
record BellScheduleDesign(LocalTime morningStart, int longBreak, LocalTime afternoonStart, int afternoonStep,
                          boolean shortFriday) {
    static final int MORNING_PERIODS = 4;
    private static final int BREAK = 10;
    private static final double SHORT_FRIDAY_SHARE = 0.3;

    static BellScheduleDesign draw(Random random) {
        LocalTime morning = LocalTime.of(7, 50).plusMinutes(5L * random.nextInt(7));
        int longBreak = 25 + 5 * random.nextInt(3);
        LocalTime afternoon = LocalTime.of(13, 20).plusMinutes(5L * random.nextInt(11));
        return new BellScheduleDesign(morning, longBreak, afternoon, 0, random.nextDouble() < SHORT_FRIDAY_SHARE);
    }

    /**
     * This design with its afternoon bells rung with another school's: how the schools of a
     * community make room for synchronized lessons while their mornings stay their own.
     */
    BellScheduleDesign withAfternoonOf(BellScheduleDesign other, Stage otherStage) {
        return new BellScheduleDesign(morningStart, longBreak, other.afternoonStart, other.step(otherStage), shortFriday);
    }

    /** The same afternoon, another morning. */
    BellScheduleDesign withMorningOf(BellScheduleDesign other) {
        return new BellScheduleDesign(other.morningStart, other.longBreak, afternoonStart, afternoonStep, other.shortFriday);
    }

    private int step(Stage stage) {
        return afternoonStep > 0 ? afternoonStep : periodMinutes(stage) + BREAK;
    }

    static int periodMinutes(Stage stage) {
        return stage == Stage.JUNIOR ? 45 : 40;
    }

    static int afternoonPeriods(Stage stage) {
        return stage == Stage.PRIMARY ? 2 : 3;
    }

    BellSchedule build(Stage stage) {
        List<Period> day = day(stage);
        Map<DayOfWeek, List<Period>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            days.put(d, day);
        }
        days.put(DayOfWeek.FRIDAY, shortFriday ? day.subList(0, day.size() - 1) : day);
        return new BellSchedule(days);
    }

    private List<Period> day(Stage stage) {
        int minutes = periodMinutes(stage);
        List<Period> periods = new ArrayList<>();
        LocalTime start = morningStart;
        for (int i = 1; i <= MORNING_PERIODS; i++) {
            periods.add(new Period(i, start, start.plusMinutes(minutes)));
            start = start.plusMinutes(minutes + (i == 2 ? longBreak : BREAK));
        }
        start = afternoonStart;
        for (int i = 1; i <= afternoonPeriods(stage); i++) {
            periods.add(new Period(MORNING_PERIODS + i, start, start.plusMinutes(minutes)));
            start = start.plusMinutes(Math.max(step(stage), minutes + 5));
        }
        return List.copyOf(periods);
    }
}
