package org.tongke.scheduler.check;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import org.tongke.config.calendar.Period;
import org.tongke.config.requirement.ResearchRequirement;
import org.tongke.config.requirement.TeacherRef;
import org.tongke.config.school.School;
import org.tongke.config.school.SlotKind;
import org.tongke.config.school.TimetableEntry;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.ResearchSession;

/**
 * The rules of a teaching-research session: it names its requirement's teachers, an offline one
 * falls on a teaching day of every participant's school, no participant is teaching then (their
 * own timetable or a lesson of the plan), and it comes after the lessons it discusses.
 */
final class ResearchChecks {
    private final CountyIndex county;
    private final PlanIndex plan;
    private final Findings found;

    ResearchChecks(CountyIndex county, PlanIndex plan, Findings found) {
        this.county = county;
        this.plan = plan;
        this.found = found;
    }

    void check(ResearchSession session) {
        Optional<ResearchRequirement> requirement = county.research(session.requirement());
        if (requirement.isEmpty()) {
            found.add(Rule.REQUIREMENT, session.id(), "names research requirement '%s', which is not in the"
                    + " configuration", session.requirement());
        }
        for (TeacherRef t : session.participants()) {
            if (county.teacher(t.school(), t.teacher()).isEmpty()) {
                found.add(Rule.REQUIREMENT, session.id(), "names teacher '%s' at %s, which is not in the configuration",
                        t.teacher(), county.schoolName(t.school()));
                continue;
            }
            if (requirement.isPresent() && !requirement.get().participants().contains(t)) {
                found.add(Rule.REQUIREMENT, session.id(), "%s takes part, but %s does not name them",
                        county.teacherLabel(t.school(), t.teacher()), requirement.get().id());
            }
            county.school(t.school()).ifPresent(school -> checkParticipant(session, school, t));
        }
        session.follows().forEach(lesson -> checkOrder(session, lesson));
    }

    private void checkParticipant(ResearchSession session, School school, TeacherRef t) {
        Optional<DayOfWeek> day = county.teachingWeekday(school, session.date());
        if (day.isEmpty() && session.mode() == ResearchSession.Mode.OFFLINE) {
            found.add(Rule.RESEARCH_DAY, session.id(), "offline research on %s, which is not a teaching day at %s",
                    session.date(), school.name());
        }
        if (session.start() == null || session.end() == null) {
            return;
        }
        for (Occurrence o : plan.teacherOn(t.school(), t.teacher(), session.date())) {
            if (o.start() != null && o.end() != null && overlaps(session, o.start(), o.end())) {
                found.add(Rule.RESEARCH_CLASH, session.id(), "%s is in lesson %s (%s-%s) during the session (%s-%s)",
                        county.teacherLabel(t.school(), t.teacher()), o.id(), o.start(), o.end(), session.start(),
                        session.end());
            }
        }
        day.ifPresent(d -> checkTimetable(session, school, t, d));
    }

    private void checkTimetable(ResearchSession session, School school, TeacherRef t, DayOfWeek day) {
        for (TimetableEntry e : county.teaching(t.school(), t.teacher(), day)) {
            Optional<Period> period = school.bellSchedule().period(day, e.period());
            if (e.kind() == SlotKind.LESSON && period.isPresent()
                    && overlaps(session, period.get().start(), period.get().end())
                    && !inPlannedLesson(t, session, period.get())) {
                found.add(Rule.RESEARCH_CLASH, session.id(), "%s teaches %s to %s in period %s on %s during the"
                        + " session (%s-%s)", county.teacherLabel(t.school(), t.teacher()), e.subject(),
                        county.classLabel(t.school(), e.classId()), period.get(), session.date(), session.start(),
                        session.end());
            }
        }
    }

    /** A period a planned lesson takes is reported as that lesson, not again as the timetable's. */
    private boolean inPlannedLesson(TeacherRef t, ResearchSession session, Period period) {
        return plan.teacherOn(t.school(), t.teacher(), session.date()).stream()
                .anyMatch(o -> o.start() != null && o.end() != null && period.overlaps(o.start(), o.end()));
    }

    private static boolean overlaps(ResearchSession s, LocalTime start, LocalTime end) {
        return s.start().isBefore(end) && start.isBefore(s.end());
    }

    /** A session may discuss a lesson later the same day, once the lesson has ended. */
    private void checkOrder(ResearchSession session, String lesson) {
        Optional<LocalDateTime> first = plan.firstLessonEnd(lesson);
        if (first.isEmpty()) {
            found.add(Rule.RESEARCH_ORDER, session.id(), "follows %s, which has no lesson in the plan", lesson);
            return;
        }
        LocalDateTime begins = session.date().atTime(session.start() == null ? LocalTime.MAX : session.start());
        if (begins.isBefore(first.get())) {
            found.add(Rule.RESEARCH_ORDER, session.id(), "is on %s, before the first lesson of %s ends (%s)",
                    session.date(), lesson, first.get().toString().replace('T', ' '));
        }
    }
}
