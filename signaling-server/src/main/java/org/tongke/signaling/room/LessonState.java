package org.tongke.signaling.room;

import java.util.Locale;

/** Where the lesson is: waiting for the lead teacher to start, live, or ended. */
public enum LessonState {
    WAITING, LIVE, ENDED;

    /** {@code waiting}, {@code live}, {@code ended}: the word on the wire. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
