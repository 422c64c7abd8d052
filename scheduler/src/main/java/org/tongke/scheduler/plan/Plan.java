package org.tongke.scheduler.plan;

import java.util.List;
import java.util.Objects;

/**
 * The community's one timetable (同步课堂"一张表") for a county's school year: the weekly pattern,
 * every dated occurrence, the dates a lesson does not happen, the research sessions, what could
 * not be placed and why, and each pairing's compliance with its yearly targets.
 * {@code score} is the solver's verdict ({@code 0hard/0medium/-12soft}); the plan checker
 * judges the plan on its own.
 */
public record Plan(
        String county,
        String score,
        List<WeeklyLesson> weekly,
        List<Occurrence> occurrences,
        List<Cancellation> cancellations,
        List<ResearchSession> research,
        List<Unplaced> unplaced,
        List<PairingCompliance> compliance) {

    public Plan {
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(score, "score");
        weekly = List.copyOf(weekly);
        occurrences = List.copyOf(occurrences);
        cancellations = List.copyOf(cancellations);
        research = List.copyOf(research);
        unplaced = List.copyOf(unplaced);
        compliance = List.copyOf(compliance);
    }
}
