package org.tongke.scheduler.plan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.tongke.config.requirement.TeacherRef;

/**
 * A teaching-research session (教研): online (网络研修) or in person at the community's core
 * school, after school hours of every participant's school, on a date after the lessons it
 * discusses ({@code follows}) have taken place.
 */
public record ResearchSession(
        String id,
        String requirement,
        String community,
        String subject,
        Mode mode,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        String location,
        List<TeacherRef> participants,
        List<String> follows) {

    public ResearchSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(date, "date");
        participants = List.copyOf(participants);
        follows = List.copyOf(follows);
    }

    public enum Mode {
        ONLINE,
        OFFLINE
    }
}
