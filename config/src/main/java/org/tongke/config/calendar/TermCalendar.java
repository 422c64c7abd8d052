package org.tongke.config.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which dates are teaching days, and which weekday's timetable each follows. The county
 * publishes one calendar (校历); a school adds its own closures and make-up days to it.
 */
public record TermCalendar(List<DateSpan> terms, List<DateSpan> holidays, List<MakeUpDay> makeUpDays) {
    public TermCalendar {
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        holidays = List.copyOf(Objects.requireNonNull(holidays, "holidays"));
        makeUpDays = List.copyOf(Objects.requireNonNull(makeUpDays, "makeUpDays"));
    }

    public static TermCalendar empty() {
        return new TermCalendar(List.of(), List.of(), List.of());
    }

    /**
     * This calendar with another's terms (when it has none), holidays and make-up days added. A
     * school's own closure wins over a county make-up day on the same date: an exam on a worked
     * Sunday means no lessons there.
     */
    public TermCalendar plus(TermCalendar local) {
        List<DateSpan> allHolidays = new ArrayList<>(holidays);
        allHolidays.addAll(local.holidays);
        List<MakeUpDay> allMakeUps = new ArrayList<>();
        for (MakeUpDay m : makeUpDays) {
            if (local.holidays.stream().noneMatch(h -> h.contains(m.date()))) {
                allMakeUps.add(m);
            }
        }
        allMakeUps.addAll(local.makeUpDays);
        return new TermCalendar(local.terms.isEmpty() ? terms : local.terms, allHolidays, allMakeUps);
    }

    /**
     * The weekday whose timetable runs on this date, or empty when nobody teaches then:
     * outside every term, on a holiday, or on a weekend that is not a make-up day.
     */
    public Optional<DayOfWeek> teachingWeekday(LocalDate date) {
        if (terms.stream().noneMatch(t -> t.contains(date))) {
            return Optional.empty();
        }
        Optional<MakeUpDay> makeUp = makeUpDays.stream().filter(m -> m.date().equals(date)).findFirst();
        if (makeUp.isPresent()) {
            return Optional.of(makeUp.get().as());
        }
        if (holidays.stream().anyMatch(h -> h.contains(date))) {
            return Optional.empty();
        }
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? Optional.empty() : Optional.of(day);
    }

    /** Teaching days in a term, for counting how many lessons a weekly requirement yields. */
    public List<LocalDate> teachingDays(DateSpan term) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = term.start(); !d.isAfter(term.end()); d = d.plusDays(1)) {
            if (teachingWeekday(d).isPresent()) {
                days.add(d);
            }
        }
        return days;
    }
}
