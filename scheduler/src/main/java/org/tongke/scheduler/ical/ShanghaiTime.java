package org.tongke.scheduler.ical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * Beijing time (Asia/Shanghai) in a feed: its VTIMEZONE and the DTSTART/DTEND of a plan's
 * wall-clock times.
 *
 * <p>The VTIMEZONE is written out here rather than taken from ical4j's registry: ical4j 4.2.5
 * reads its own bundled Asia/Shanghai definition as if the 1986-1991 summer-time rules never
 * ended (ical4j issue #720), so a 13:30 lesson in September comes out, and reads back, as 14:30.
 * China has kept +08:00 all year since the last of those rules ended on 1991-09-15, so one
 * STANDARD observance from that onset is exact for every date a plan can hold, and every parser
 * reads it the same way.
 *
 * <p>Times are written as the plan's local wall-clock time with {@code TZID=Asia/Shanghai}; no
 * instant is converted on the way, so no zone rules (correct or not) touch them.
 */
final class ShanghaiTime {
    static final String TZID = "Asia/Shanghai";

    private static final LocalDateTime LAST_RULE_ENDED = LocalDateTime.of(1991, 9, 15, 2, 0);
    private static final ZoneOffset SUMMER_TIME = ZoneOffset.ofHours(9);
    private static final ZoneOffset BEIJING_TIME = ZoneOffset.ofHours(8);

    private ShanghaiTime() {
    }

    /** A fresh VTIMEZONE per calendar: ical4j components are mutable and not shared between threads. */
    static VTimeZone vtimezone() {
        Standard standard = new Standard();
        standard.add(new TzOffsetFrom(SUMMER_TIME));
        standard.add(new TzOffsetTo(BEIJING_TIME));
        standard.add(new TzName("CST"));
        standard.add(new DtStart<>(LAST_RULE_ENDED));
        VTimeZone zone = new VTimeZone();
        zone.add(new net.fortuna.ical4j.model.property.TzId(TZID));
        zone.add(new XProperty("X-LIC-LOCATION", TZID));
        zone.add(standard);
        return zone;
    }

    static DtStart<LocalDateTime> start(LocalDate date, LocalTime time) {
        return new DtStart<>(zoned(), LocalDateTime.of(date, time));
    }

    static DtEnd<LocalDateTime> end(LocalDate date, LocalTime time) {
        return new DtEnd<>(zoned(), LocalDateTime.of(date, time));
    }

    private static ParameterList zoned() {
        return new ParameterList(List.of(new TzId(TZID)));
    }
}
