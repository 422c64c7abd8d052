package org.tongke.recorder.archive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tongke.recorder.ingest.LessonManifest;

/**
 * Places the agent's gaps and the segments that never arrived on the archive's timeline. The
 * archive holds only recorded time, so a gap sits where its start falls once earlier gaps are
 * taken out; a missing segment sits where the segments before it end.
 */
final class Timeline {
    private Timeline() {
    }

    static List<ArchiveManifest.TimelineMark> marks(LessonManifest manifest, LessonManifest.Source source, SourceMedia media,
                                                    double durationSeconds) {
        List<ArchiveManifest.TimelineMark> marks = new ArrayList<>();
        double removed = 0;
        for (LessonManifest.Gap gap : source.gaps()) {
            double seconds = Duration.between(gap.from(), gap.to()).toMillis() / 1000.0;
            double at = Duration.between(manifest.startedAt(), gap.from()).toMillis() / 1000.0 - removed;
            marks.add(new ArchiveManifest.TimelineMark(clamp(at, durationSeconds), seconds, "gap", gap.reason()));
            removed += seconds;
        }
        Set<Integer> stored = new java.util.HashSet<>();
        media.segments().forEach(s -> stored.add(s.index()));
        double at = 0;
        int next = 0;
        for (int i = 0; i < source.segments(); i++) {
            if (stored.contains(i)) {
                at += media.segments().get(next++).micros() / 1e6;
            } else {
                marks.add(new ArchiveManifest.TimelineMark(clamp(at, durationSeconds), 0, "missing-segment",
                        "segment " + i + " of " + source.name() + " never arrived"));
            }
        }
        marks.sort(java.util.Comparator.comparingDouble(ArchiveManifest.TimelineMark::at));
        return marks;
    }

    private static double clamp(double at, double max) {
        return Math.round(Math.max(0, Math.min(max, at)) * 1000) / 1000.0;
    }
}
