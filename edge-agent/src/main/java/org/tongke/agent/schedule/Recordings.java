package org.tongke.agent.schedule;

/** What the scheduler drives: the classroom's recording, one lesson at a time. */
public interface Recordings {
    /** Starts recording every source for {@code target}; returns at once (capture runs on its own threads). */
    void start(Target target);

    /** Stops the recording, each source finishing the segment it is writing. */
    void stop();
}
