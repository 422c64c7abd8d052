package org.tongke.recorder.jobs;

import org.tongke.recorder.ingest.ArchiveRequests;
import org.tongke.recorder.ingest.LessonKey;

/** Ingest's archive requests made jobs: stored first, then queued, once per lesson and classroom. */
public final class ArchiveJobs implements ArchiveRequests {
    private final JobStore store;
    private final JobQueue queue;

    public ArchiveJobs(JobStore store, JobQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    @Override
    public void archive(LessonKey key) {
        ArchiveJob job = store.enqueue(key);
        if (job.state() == ArchiveJob.State.QUEUED && job.attempts() == 0) {
            queue.submit(job.id());
        }
    }

    /** Queues a failed job again (admin). */
    public boolean retry(String jobId) {
        var job = store.find(jobId);
        if (job.isEmpty() || job.get().state() != ArchiveJob.State.FAILED) {
            return false;
        }
        store.retry(jobId);
        queue.submit(jobId);
        return true;
    }
}
