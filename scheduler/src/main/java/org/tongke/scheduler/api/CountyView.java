package org.tongke.scheduler.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.tongke.config.county.County;
import org.tongke.config.county.CommunityType;
import org.tongke.config.school.School;

/**
 * The names and shapes a page needs to show a plan to people: the county, its communities and
 * schools, each school's teachers, recording classrooms and bell schedule.
 */
public record CountyView(String id, String name, List<CommunityItem> communities, List<SchoolItem> schools) {
    public record CommunityItem(String id, String name, CommunityType type, String core, List<String> members) {
    }

    public record SchoolItem(String id, String name, String stage, String setting, List<Named> teachers,
                             List<Named> recordingClassrooms, Map<DayOfWeek, List<PeriodItem>> bellSchedule) {
    }

    public record Named(String id, String name) {
    }

    public record PeriodItem(int period, LocalTime start, LocalTime end) {
    }

    public static CountyView of(County county) {
        return new CountyView(county.id(), county.name(),
                county.communities().stream().map(c -> new CommunityItem(c.id(), c.name(), c.type(), c.core(), c.members()))
                        .toList(),
                county.schools().stream().map(CountyView::school).toList());
    }

    private static SchoolItem school(School s) {
        Map<DayOfWeek, List<PeriodItem>> bells = new java.util.EnumMap<>(DayOfWeek.class);
        s.bellSchedule().days().forEach((day, periods) -> bells.put(day,
                periods.stream().map(p -> new PeriodItem(p.number(), p.start(), p.end())).toList()));
        return new SchoolItem(s.id(), s.name(), s.stage().key(), s.setting().key(),
                s.teachers().stream().map(t -> new Named(t.id(), t.name())).toList(),
                s.recordingClassrooms().stream().map(r -> new Named(r.id(), r.name())).toList(), bells);
    }
}
