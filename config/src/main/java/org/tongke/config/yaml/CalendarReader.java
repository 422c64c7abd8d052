package org.tongke.config.yaml;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tongke.config.calendar.BellSchedule;
import org.tongke.config.calendar.DateSpan;
import org.tongke.config.calendar.MakeUpDay;
import org.tongke.config.calendar.Period;
import org.tongke.config.calendar.TermCalendar;
import org.tongke.config.diagnostic.SourceIndex;

/** Reads the time-shaped parts of the configuration: calendars and bell schedules. */
final class CalendarReader {
    private static final List<DayOfWeek> SCHOOL_WEEK = List.of(
            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private CalendarReader() {
    }

    static TermCalendar calendar(YamlMap map) {
        List<DateSpan> terms = spans(map, "terms");
        List<DateSpan> holidays = spans(map, "holidays");
        List<MakeUpDay> makeUps = new ArrayList<>();
        for (YamlMap item : map.maps("makeUpDays")) {
            LocalDate date = item.date("date");
            DayOfWeek as = item.weekday("as");
            String note = item.optString("note", "");
            item.finish();
            if (date != null && as != null) {
                makeUps.add(record(item, new MakeUpDay(date, as, note)));
            }
        }
        map.finish();
        return new TermCalendar(terms, holidays, makeUps);
    }

    /** Spans written as {@code {name, start, end}} or, for one day, {@code {name, date}}. */
    private static List<DateSpan> spans(YamlMap map, String key) {
        List<DateSpan> spans = new ArrayList<>();
        for (YamlMap item : map.maps(key)) {
            String name = item.string("name");
            LocalDate start;
            LocalDate end;
            if (item.has("date")) {
                start = item.date("date");
                end = start;
            } else {
                start = item.date("start");
                end = item.date("end");
            }
            item.finish();
            if (name == null || start == null || end == null) {
                continue;
            }
            if (end.isBefore(start)) {
                item.problems().error(item.location("end"), "ends (" + end + ") before it starts (" + start + ")");
                continue;
            }
            spans.add(record(item, new DateSpan(name, start, end)));
        }
        return spans;
    }

    /**
     * A bell schedule keyed by weekday; {@code weekdays} gives Monday to Friday at once and a
     * day written on its own overrides it.
     */
    static BellSchedule bellSchedule(YamlMap map, String school) {
        Map<DayOfWeek, List<Period>> days = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, List<Integer>> broken = new EnumMap<>(DayOfWeek.class);
        List<Period> weekdays = null;
        List<Integer> brokenWeekdays = new ArrayList<>();
        for (String key : map.keys()) {
            if (key.equals("weekdays")) {
                weekdays = periods(map, key, brokenWeekdays);
                continue;
            }
            DayOfWeek day = YamlMap.parseWeekday(key, map.location(key), map.problems());
            if (day != null && days.containsKey(day)) {
                map.problems().error(map.location(key), day.name().toLowerCase() + " is given twice");
            } else if (day != null) {
                List<Integer> brokenOfDay = new ArrayList<>();
                days.put(day, periods(map, key, brokenOfDay));
                broken.put(day, brokenOfDay);
            }
        }
        if (weekdays != null) {
            for (DayOfWeek day : SCHOOL_WEEK) {
                if (days.putIfAbsent(day, weekdays) == null) {
                    broken.put(day, brokenWeekdays);
                }
            }
        }
        broken.forEach((day, numbers) -> numbers.forEach(n ->
                map.index().recordUnbuilt(SourceIndex.PERIOD, school + "#" + day, String.valueOf(n))));
        return new BellSchedule(days);
    }

    private static List<Period> periods(YamlMap map, String key, List<Integer> broken) {
        List<Period> periods = new ArrayList<>();
        List<YamlMap> items = map.maps(key);
        for (int i = 0; i < items.size(); i++) {
            YamlMap item = items.get(i);
            Period period = period(item, i + 1);
            if (period == null) {
                broken.add(i + 1);
            } else {
                var overlap = overlapping(periods, period);
                overlap.ifPresent(other -> item.problems().error(item.location(),
                        "period " + period + " overlaps period " + other));
                if (overlap.isEmpty() && !periods.isEmpty() && period.start().isBefore(periods.get(periods.size() - 1).start())) {
                    item.problems().error(item.location(), "period " + period + " starts before period "
                            + periods.get(periods.size() - 1) + "; list periods in time order");
                }
                periods.add(period);
            }
        }
        return periods;
    }

    private static java.util.Optional<Period> overlapping(List<Period> earlier, Period period) {
        return earlier.stream().filter(p -> p.overlaps(period.start(), period.end())).findFirst();
    }

    private static Period period(YamlMap item, int number) {
        var start = item.time("start");
        var end = item.time("end");
        item.finish();
        if (start == null || end == null) {
            return null;
        }
        if (!end.isAfter(start)) {
            item.problems().error(item.location("end"), "period ends (" + end + ") before it starts (" + start + ")");
            return null;
        }
        return record(item, new Period(number, start, end));
    }

    static <T> T record(YamlMap item, T loaded) {
        item.index().recordObject(Objects.requireNonNull(loaded), item.location());
        return loaded;
    }
}
