package org.tongke.config.calendar;

import java.time.LocalTime;
import java.util.Objects;

/** The period a lesson occupies at one participating school, in that school's own bell schedule. */
public record SchoolPeriod(String school, int period, LocalTime start, LocalTime end) {
    public SchoolPeriod {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
