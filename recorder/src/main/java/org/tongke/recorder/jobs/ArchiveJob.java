package org.tongke.recorder.jobs;

import java.time.Instant;
import org.tongke.recorder.ingest.LessonKey;

/** One archive job as the admin view shows it. */
public record ArchiveJob(String id, String lesson, String classroom, State state, int progress, int attempts,
                         String worker, String reason, Instant createdAt, Instant updatedAt) {
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    public LessonKey key() {
        return new LessonKey(lesson, classroom);
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }
}
