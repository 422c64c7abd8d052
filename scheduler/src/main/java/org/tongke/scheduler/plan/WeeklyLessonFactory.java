package org.tongke.scheduler.plan;

import org.tongke.config.calendar.SchoolPeriod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tongke.config.county.County;
import org.tongke.config.requirement.ClassRef;
import org.tongke.config.requirement.LessonRequirement;
import org.tongke.config.school.School;
import org.tongke.scheduler.slot.Candidate;

/**
 * Turns placed lessons (requirement, index, chosen time and rooms) into the weekly pattern,
 * with each room's school, class, teacher, period and recording classroom spelled out.
 */
public final class WeeklyLessonFactory {
    private final County county;

    /** A placed lesson before it has rooms. */
    public record Placed(String id, LessonRequirement requirement, Candidate candidate) {
    }

    public WeeklyLessonFactory(County county) {
        this.county = county;
    }

    public List<WeeklyLesson> create(List<Placed> placed) {
        List<WeeklyLesson> lessons = new ArrayList<>();
        for (Placed p : placed) {
            lessons.add(lesson(p));
        }
        lessons.sort(Comparator.comparing(WeeklyLesson::id));
        return lessons;
    }

    /** One placed lesson, for re-planning one date at another time. */
    public WeeklyLesson lesson(Placed p) {
        LessonRequirement r = p.requirement();
        var slot = p.candidate().slot();
        List<ClassRef> rooms = new ArrayList<>(r.receivers());
        rooms.add(0, r.host());
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            participants.add(participant(rooms.get(i), p, p.candidate().displaces().get(i),
                    p.candidate().rooms().get(i), p.candidate().swaps().get(i)));
        }
        return new WeeklyLesson(p.id(), r.id(), r.community(), r.kind(), r.subject(), slot.day(), slot.start(),
                slot.end(), participants.get(0), participants.subList(1, participants.size()));
    }

    private Participant participant(ClassRef room, Placed p, Participant.Displaces displaces, String recording,
                                    Participant.Swap swap) {
        School school = county.school(room.school()).orElseThrow();
        SchoolPeriod period = p.candidate().slot().periodAt(room.school()).orElseThrow();
        String className = school.schoolClass(room.classId()).map(c -> c.name()).orElse(room.classId());
        String classroom = recording.substring(recording.indexOf('/') + 1);
        return new Participant(school.id(), school.name(), classroom, room.classId(), className,
                room.teacher(), period.period(), period.start(), period.end(), displaces, swap);
    }
}
