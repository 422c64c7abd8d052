package org.tongke.scheduler.check;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.tongke.config.requirement.LessonKind;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;
import org.tongke.scheduler.plan.WeeklyLesson;

/**
 * A lesson placed at a time on a timetable day, whether a weekly lesson or one occurrence: the
 * rules that do not depend on the date judge both alike.
 */
record Placed(
        String id,
        String requirement,
        String community,
        LessonKind kind,
        String subject,
        DayOfWeek day,
        LocalTime start,
        LocalTime end,
        Participant host,
        List<Participant> receivers) {

    static Placed of(WeeklyLesson w) {
        return new Placed(w.id(), w.requirement(), w.community(), w.kind(), w.subject(), w.day(), w.start(),
                w.end(), w.host(), w.receivers());
    }

    /** An occurrence follows the timetable of its {@code timetableDay}, not of its date's weekday. */
    static Placed of(Occurrence o) {
        return new Placed(o.id(), o.requirement(), o.community(), o.kind(), o.subject(), o.timetableDay(), o.start(),
                o.end(), o.host(), o.receivers());
    }

    List<Participant> participants() {
        return Stream.concat(Stream.of(host), receivers.stream()).toList();
    }

    boolean timed() {
        return start != null && end != null && end.isAfter(start);
    }

    String time() {
        return start + "-" + end;
    }
}
