package org.tongke.recorder.jobs;

/** Hands job ids to workers; the job's state lives in {@link JobStore}, never only here. */
public interface JobQueue extends AutoCloseable {
    /** Offers a job that was just made; at most once per job. */
    void submit(String jobId);

    /** Starts the workers; jobs left unfinished by a previous run are taken again. */
    void start();

    @Override
    void close();
}
