package org.tongke.agent.link;

import java.util.List;
import org.tongke.agent.schedule.Schedule;

/** What the signaling server sends an agent; {@code seq} is the session's sequence number (0 when absent). */
public sealed interface ServerMessage {
    long seq();

    record Welcome(long seq, String session, int heartbeatSeconds, boolean resumed) implements ServerMessage {
    }

    /** {@code t} is what the agent's ping carried; {@code serverTime} is the server's clock (epoch ms), or -1. */
    record Pong(long seq, long t, long serverTime) implements ServerMessage {
    }

    record ScheduleMessage(long seq, Schedule schedule) implements ServerMessage {
    }

    /** {@code start-now}, {@code stop-now} or {@code status}; {@code minutes} and {@code lesson} may be null. */
    record Command(long seq, String id, String command, Integer minutes, String lesson, String from)
            implements ServerMessage {
    }

    /** A room's state as the agent needs it: the lesson's state ({@code waiting}, {@code live}, {@code ended}) and the classrooms recording. */
    record Snapshot(long seq, String room, String lesson, List<String> recording) implements ServerMessage {
    }

    /** A room's delta {@code lesson}: the lead teacher started ({@code live}) or ended ({@code ended}) the lesson. */
    record LessonChange(long seq, String room, String state) implements ServerMessage {
    }

    record Error(long seq, String code, String message, String ref) implements ServerMessage {
    }

    /** Any other type (other room messages and later additions): ignored, but its seq still counts. */
    record Other(long seq, String type) implements ServerMessage {
    }
}
