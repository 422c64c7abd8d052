package org.tongke.agent.capture;

import java.nio.file.Path;
import java.time.Instant;

/** Told of every segment closed whole (renamed to its final name and synced) and of every finished lesson. */
public interface SegmentListener {
    void segmentClosed(String lesson, String source, int index, Path file, Instant closedAt);

    /** The lesson's recording is over: its manifest is final. */
    void lessonEnded(String lesson, Path manifest);
}
