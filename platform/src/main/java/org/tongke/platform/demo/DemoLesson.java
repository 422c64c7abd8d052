package org.tongke.platform.demo;

import java.util.List;
import org.tongke.scheduler.plan.Occurrence;
import org.tongke.scheduler.plan.Participant;

/** A lesson of the demo with the classrooms taking part, host first, as {@code SCHOOL/ROOM}. */
record DemoLesson(Occurrence occurrence) {
    List<Participant> rooms() {
        return occurrence.participants();
    }

    static String classroom(Participant p) {
        return p.school() + "/" + p.classroom();
    }
}
