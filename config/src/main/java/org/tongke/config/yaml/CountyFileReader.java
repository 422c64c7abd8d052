package org.tongke.config.yaml;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tongke.config.calendar.TermCalendar;
import org.tongke.config.county.CommunityType;
import org.tongke.config.county.SchedulingWeights;
import org.tongke.config.county.YearlyTargets;

/** Reads {@code county.yaml}: the county's name, its calendar and the yearly targets. */
final class CountyFileReader {
    static final List<String> TYPES = List.of("merged", "co-built", "collaborative");

    record Header(String id, String name, TermCalendar calendar, Map<CommunityType, YearlyTargets> targets,
                  SchedulingWeights weights) {
    }

    private CountyFileReader() {
    }

    static Header read(YamlMap map) {
        String id = map.string("id");
        String name = map.string("name");
        TermCalendar calendar = map.map("calendar").map(CountyFileReader::calendar).orElse(TermCalendar.empty());
        Map<CommunityType, YearlyTargets> targets = new EnumMap<>(CommunityType.class);
        map.optMap("targets").ifPresent(all -> readTargets(all, targets));
        SchedulingWeights weights = map.optMap("scheduling").map(CountyFileReader::scheduling)
                .orElse(SchedulingWeights.DEFAULTS);
        map.finish();
        return new Header(id, name, calendar, targets, weights);
    }

    /** The county calendar is the school year: it needs its terms, unlike a school's additions. */
    private static TermCalendar calendar(YamlMap map) {
        boolean written = map.has("terms");
        boolean emptyList = map.listSize("terms") == 0;
        TermCalendar calendar = CalendarReader.calendar(map);
        if (!written) {
            map.problems().error(map.location("terms"), "required field is missing");
        } else if (emptyList) {
            map.problems().error(map.location("terms"), "the calendar needs at least one term");
        }
        return calendar;
    }

    private static SchedulingWeights scheduling(YamlMap map) {
        SchedulingWeights weights = map.optMap("weights").map(w -> {
            SchedulingWeights read = new SchedulingWeights(
                    w.optInteger("spreadOverDays", SchedulingWeights.DEFAULT_SPREAD_OVER_DAYS, 0, 1000),
                    w.optInteger("fewestChanges", SchedulingWeights.DEFAULT_FEWEST_CHANGES, 0, 1000),
                    w.optInteger("ownSubjectPeriod", SchedulingWeights.DEFAULT_OWN_SUBJECT_PERIOD, 0, 1000),
                    w.optInteger("ruralEdgePeriods", SchedulingWeights.DEFAULT_RURAL_EDGE_PERIODS, 0, 1000));
            w.finish();
            return read;
        }).orElse(SchedulingWeights.DEFAULTS);
        map.finish();
        return weights;
    }

    private static void readTargets(YamlMap all, Map<CommunityType, YearlyTargets> targets) {
        for (String key : all.keys()) {
            var type = CommunityType.fromKey(key);
            if (type.isEmpty()) {
                all.problems().error(all.location(key), "'" + key + "' is not one of " + String.join(", ", TYPES));
                continue;
            }
            all.optMap(key).ifPresent(t -> targets.put(type.get(), targets(t, YearlyTargets.defaultFor(type.get()))));
        }
    }

    /** Each number may be left out; it then keeps seed 003's default for that community type. */
    private static YearlyTargets targets(YamlMap map, YearlyTargets defaults) {
        YearlyTargets t = new YearlyTargets(
                map.optInteger("syncLessons", defaults.syncLessons(), 0, 10_000),
                map.optInteger("syncSubjects", defaults.syncSubjects(), 0, 100),
                map.optInteger("onlineResearch", defaults.onlineResearch(), 0, 10_000),
                map.optInteger("offlineResearch", defaults.offlineResearch(), 0, 10_000));
        map.finish();
        return t;
    }
}
