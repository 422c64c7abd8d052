package org.tongke.signaling.room;

/**
 * Hears of every lesson that ran to its end in a room of this node. Called under the room's
 * lock, on whatever thread ended it (an event loop): an implementation only hands the value on,
 * never blocks, and catches its own failures.
 */
@FunctionalInterface
public interface LessonListener {
    /** Nobody listens. */
    LessonListener NONE = run -> { };

    void ended(LessonRun run);
}
