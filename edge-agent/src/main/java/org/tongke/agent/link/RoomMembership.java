package org.tongke.agent.link;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which lesson rooms the agent is in, and what it told each about its recording; each method
 * answers the messages to send. Joins go one at a time (an error names no room), a refused one
 * is tried again a few seconds later (the timetable opens a room before its lesson, so an early
 * join finds none yet). A fresh session is in no room. Used from the signaling thread only.
 */
final class RoomMembership {
    static final Duration NO_ROOM_RETRY = Duration.ofSeconds(3);
    static final Duration REFUSED_RETRY = Duration.ofSeconds(30);
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    private final String classroom;
    private final Set<String> joined = new LinkedHashSet<>();
    private final Map<String, Boolean> said = new HashMap<>();
    private final Map<String, Instant> retryAt = new HashMap<>();
    private String pending;
    private Instant pendingSince;
    private String recordingLesson;

    RoomMembership(String classroom) {
        this.classroom = classroom;
    }

    /** A welcome: a resumed session is still in its rooms (their snapshots may follow), a fresh one in none. */
    void welcome(boolean resumed) {
        pending = null;
        if (!resumed) {
            joined.clear();
            said.clear();
        }
    }

    /** Leaves the rooms no longer wanted, and joins the first wanted one it is not in (when no join waits). */
    List<String> tick(Instant now, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String room : List.copyOf(joined)) {
            if (!wanted.contains(room)) {
                joined.remove(room);
                said.remove(room);
                out.add(AgentCodec.leave(room));
            }
        }
        retryAt.keySet().retainAll(wanted);
        if (pending != null && !now.isBefore(pendingSince.plus(JOIN_TIMEOUT))) {
            pending = null;
        }
        if (pending == null) {
            for (String room : wanted) {
                Instant retry = retryAt.get(room);
                if (!joined.contains(room) && (retry == null || !now.isBefore(retry))) {
                    pending = room;
                    pendingSince = now;
                    out.add(AgentCodec.join(room));
                    break;
                }
            }
        }
        return out;
    }

    /** A room's snapshot: the agent is in it; says what it records if the room thinks otherwise. */
    List<String> snapshot(String room, List<String> recording) {
        if (room.equals(pending)) {
            pending = null;
        }
        joined.add(room);
        retryAt.remove(room);
        said.put(room, recording.contains(classroom));
        return sync(room);
    }

    /** The join waiting for an answer was refused: {@code NO_SUCH_ROOM} is tried again soon, anything else later. */
    void refused(Instant now, String code) {
        if (pending != null) {
            retryAt.put(pending, now.plus(code.equals("NO_SUCH_ROOM") ? NO_ROOM_RETRY : REFUSED_RETRY));
            pending = null;
        }
    }

    /** The recording of {@code lesson} started or stopped: each room it is in hears what changed for it. */
    List<String> recording(String lesson, boolean on) {
        if (on) {
            recordingLesson = lesson;
        } else if (lesson.equals(recordingLesson)) {
            recordingLesson = null;
        }
        List<String> out = new ArrayList<>();
        for (String room : joined) {
            out.addAll(sync(room));
        }
        return out;
    }

    boolean in(String room) {
        return joined.contains(room);
    }

    Set<String> joined() {
        return Set.copyOf(joined);
    }

    private List<String> sync(String room) {
        boolean on = room.equals(recordingLesson);
        if (Boolean.valueOf(on).equals(said.get(room))) {
            return List.of();
        }
        said.put(room, on);
        return List.of(AgentCodec.recording(room, on));
    }
}
