package org.tongke.recorder.held;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.TokenRejected;

/**
 * A lesson that ran live, as its room's signaling node saw it.
 *
 * @param ending     how it ended: the lead teacher ended it, or its room closed after its time
 * @param classrooms the classrooms that were in the lesson while it was live
 * @param node       the signaling node that reported it
 */
public record HeldLesson(String lessonId, Instant startedAt, Instant endedAt, Ending ending, List<Classroom> classrooms,
        String node) {
    /** A lesson room holds the host and at most 32 rural classrooms. */
    public static final int MAX_CLASSROOMS = 33;
    /** As a room's attendance takes it. */
    public static final int MAX_CLASS_SIZE = 1000;

    public HeldLesson {
        Objects.requireNonNull(lessonId, "lessonId");
        require(startedAt != null, "startedAt is missing");
        require(endedAt != null, "endedAt is missing");
        require(!endedAt.isBefore(startedAt), "the lesson ended (" + endedAt + ") before it started (" + startedAt + ")");
        require(ending != null, "ending is missing");
        require(classrooms != null, "classrooms is missing");
        // One order and whole milliseconds, so a report compares equal to the same report kept in the database.
        startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
        endedAt = endedAt.truncatedTo(ChronoUnit.MILLIS);
        classrooms = classrooms.stream().sorted(Comparator.comparing((Classroom c) -> !c.host())
                .thenComparing(Classroom::classroom)).toList();
        require(classrooms.size() <= MAX_CLASSROOMS, "at most " + MAX_CLASSROOMS + " classrooms are in a lesson");
        Set<String> seen = new HashSet<>();
        for (Classroom c : classrooms) {
            require(seen.add(c.classroom()), "classroom " + c.classroom() + " is named twice");
        }
        require(node != null && node.matches("[A-Za-z0-9._-]{1,64}"),
                "node must be the signaling node's id: 1 to 64 letters, digits, '.', '_', '-'");
    }

    /** One classroom in the lesson; {@code present} of {@code total} pupils when it reported attendance. */
    public record Classroom(String classroom, boolean host, Integer present, Integer total) {
        public Classroom {
            require(classroom != null, "a classroom has no id");
            try {
                new Scope(Scope.Type.CLASSROOM, classroom);
            } catch (TokenRejected e) {
                throw new IllegalArgumentException("classroom '" + classroom + "' is not SCHOOL/ROOM");
            }
            require((present == null) == (total == null), "attendance of " + classroom + " needs both present and total");
            if (present != null) {
                require(present >= 0 && total >= 1 && present <= total && total <= MAX_CLASS_SIZE, "attendance of "
                        + classroom + " needs 0 <= present <= total, 1 <= total <= " + MAX_CLASS_SIZE + "; got " + present
                        + " of " + total);
            }
        }
    }

    /** How a lesson's live part ended. */
    public enum Ending {
        /** The lead teacher ended the lesson. */
        ENDED("ended"),
        /** Its room closed after the lesson's time with the lesson still live. */
        ROOM_CLOSED("room-closed");

        private final String word;

        Ending(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Ending fromWord(String word) {
            for (Ending e : values()) {
                if (e.word.equals(word)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("ending '" + word + "' is not one of ended, room-closed");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
