package org.tongke.recorder.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tongke.config.county.Community;
import org.tongke.config.county.County;
import org.tongke.config.county.YearlyTargets;
import org.tongke.config.school.School;
import org.tongke.recorder.catalog.LessonDirectory;
import org.tongke.recorder.catalog.PlanFile;

/**
 * Builds the report from the plan (what should happen), the lesson ids archived and those held
 * live (what did: a lesson is delivered when either holds it, counted once) and the county
 * (pairings, names, targets). A lesson counts for a pairing when the supporting
 * school hosts it and the receiving school receives it, as the plan's compliance counts; a
 * research session when both schools take part. Plain and pure: no I/O.
 */
public final class DeliveredReports {
    private DeliveredReports() {
    }

    /** {@code from} and {@code to} may be {@code null}: then the plan's first or last date (lessons and research). */
    public static DeliveredReport build(LessonDirectory directory, Set<String> archived, Set<String> held, LocalDate from,
            LocalDate to) {
        PlanFile plan = directory.plan();
        List<LocalDate> dates = java.util.stream.Stream.concat(plan.occurrences().stream().map(PlanFile.Occurrence::date),
                plan.research().stream().map(PlanFile.Research::date)).map(LocalDate::parse).sorted().toList();
        LocalDate first = from != null ? from : dates.isEmpty() ? LocalDate.now() : dates.get(0);
        LocalDate last = to != null ? to : dates.isEmpty() ? first : dates.get(dates.size() - 1);
        County county = directory.county();
        List<DeliveredReport.Pairing> rows = new ArrayList<>();
        for (Community community : county.communities()) {
            for (String member : community.members()) {
                rows.add(pairing(county, community, member, plan, archived, held, first, last));
            }
        }
        return new DeliveredReport(first, last, rows);
    }

    private static DeliveredReport.Pairing pairing(County county, Community community, String member, PlanFile plan,
            Set<String> archived, Set<String> held, LocalDate from, LocalDate to) {
        String core = community.core();
        Map<String, int[]> bySubject = new TreeMap<>();
        for (PlanFile.Occurrence o : plan.occurrences()) {
            if (within(o.date(), from, to) && o.host() != null && core.equals(o.host().school())
                    && o.receivers().stream().anyMatch(r -> member.equals(r.school()))) {
                // planned, archived, held live without an archive
                int[] counts = bySubject.computeIfAbsent(o.subject(), s -> new int[3]);
                counts[0]++;
                if (archived.contains(o.id())) {
                    counts[1]++;
                } else if (held.contains(o.id())) {
                    counts[2]++;
                }
            }
        }
        int[] online = new int[2];
        int[] offline = new int[2];
        for (PlanFile.Research r : plan.research()) {
            boolean both = r.participants().stream().anyMatch(p -> core.equals(p.school()))
                    && r.participants().stream().anyMatch(p -> member.equals(p.school()));
            if (both && within(r.date(), from, to)) {
                int[] counts = "offline".equals(r.mode()) ? offline : online;
                counts[0]++;
                if (archived.contains(r.id()) || held.contains(r.id())) {
                    counts[1]++;
                }
            }
        }
        List<DeliveredReport.Subject> subjects = bySubject.entrySet().stream()
                .map(e -> new DeliveredReport.Subject(e.getKey(), e.getValue()[0], e.getValue()[1] + e.getValue()[2],
                        e.getValue()[1], e.getValue()[2])).toList();
        int planned = subjects.stream().mapToInt(DeliveredReport.Subject::planned).sum();
        int done = subjects.stream().mapToInt(DeliveredReport.Subject::delivered).sum();
        int doneArchived = subjects.stream().mapToInt(DeliveredReport.Subject::archived).sum();
        int doneLive = subjects.stream().mapToInt(DeliveredReport.Subject::heldWithoutArchive).sum();
        int doneSubjects = (int) subjects.stream().filter(s -> s.delivered() > 0).count();
        YearlyTargets targets = county.targetsFor(community.type());
        List<String> below = new ArrayList<>();
        if (done < targets.syncLessons()) {
            below.add("syncLessons");
        }
        if (doneSubjects < targets.syncSubjects()) {
            below.add("syncSubjects");
        }
        if (online[1] < targets.onlineResearch()) {
            below.add("onlineResearch");
        }
        if (offline[1] < targets.offlineResearch()) {
            below.add("offlineResearch");
        }
        return new DeliveredReport.Pairing(community.id(), community.name(), community.type().key(), core,
                name(county, core), member, name(county, member), subjects, planned, done, doneArchived, doneLive,
                doneSubjects, online[0], online[1], offline[0], offline[1], targets, below);
    }

    private static boolean within(String date, LocalDate from, LocalDate to) {
        LocalDate d = LocalDate.parse(date);
        return !d.isBefore(from) && !d.isAfter(to);
    }

    private static String name(County county, String school) {
        return county.school(school).map(School::name).orElse(school);
    }
}
