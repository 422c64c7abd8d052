package org.tongke.recorder.jobs;

import java.util.function.IntConsumer;
import org.tongke.recorder.ingest.LessonKey;

/** What a job does: the archive pipeline. Throws with a reason fit for the admin view when it cannot. */
@FunctionalInterface
public interface ArchiveWork {
    /**
     * Archives the classroom's recording of the lesson, reporting progress in percent. An
     * {@link InterruptedException} means the recorder is stopping: the job is left to be done again.
     */
    void archive(LessonKey key, IntConsumer progress) throws Exception;
}
