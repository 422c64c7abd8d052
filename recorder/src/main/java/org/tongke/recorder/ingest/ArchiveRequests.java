package org.tongke.recorder.ingest;

/** Where ingest asks for a lesson's archive: the job queue. */
@FunctionalInterface
public interface ArchiveRequests {
    /** The classroom's recording of the lesson is in (or waited for long enough); archive it. */
    void archive(LessonKey key);
}
