package org.tongke.recorder.report;

import java.time.LocalDate;
import java.util.List;
import org.tongke.config.county.YearlyTargets;

/** Planned against delivered lessons per pairing and subject over {@code from}..{@code to}, both included. */
public record DeliveredReport(LocalDate from, LocalDate to, List<Pairing> pairings) {
    public DeliveredReport {
        pairings = List.copyOf(pairings);
    }

    /**
     * One subject of a pairing: {@code delivered} lessons are {@code archived} (a recording in the
     * library) or {@code heldWithoutArchive} (a lesson room that ran live, nothing archived).
     */
    public record Subject(String subject, int planned, int delivered, int archived, int heldWithoutArchive) {
    }

    /**
     * One pairing: its lessons by subject, its research sessions by mode, its targets, and the
     * targets it is below ({@code syncLessons, syncSubjects, onlineResearch, offlineResearch}).
     */
    public record Pairing(String community, String communityName, String communityType, String supporting,
            String supportingName, String receiving, String receivingName, List<Subject> subjects, int plannedLessons,
            int deliveredLessons, int archivedLessons, int heldWithoutArchiveLessons, int deliveredSubjects,
            int plannedOnlineResearch, int deliveredOnlineResearch, int plannedOfflineResearch,
            int deliveredOfflineResearch, YearlyTargets targets, List<String> below) {
        public Pairing {
            subjects = List.copyOf(subjects);
            below = List.copyOf(below);
        }
    }
}
