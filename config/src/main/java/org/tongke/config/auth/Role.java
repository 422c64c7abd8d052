package org.tongke.config.auth;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Who a token speaks for; {@link #word()} is the {@code role} claim. */
public enum Role {
    /** The urban teacher who teaches the lesson: grants the floor, mutes, ends the lesson. */
    LEAD_TEACHER("lead-teacher"),
    /** The rural teacher in a receiving room: raises the class's hand, marks attendance. */
    ASSISTANT_TEACHER("assistant-teacher"),
    /** A recording classroom's edge agent: speaks only for its own classroom. */
    CLASSROOM_AGENT("classroom-agent"),
    /** School, community or county staff: observe. */
    STAFF("staff");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The role named by {@code word}, or {@link TokenProblem#UNKNOWN_ROLE}. */
    public static Role fromWord(String word) {
        for (Role role : values()) {
            if (role.word.equals(word)) {
                return role;
            }
        }
        throw new TokenRejected(TokenProblem.UNKNOWN_ROLE,
                "role " + TokenRejected.quote(String.valueOf(word)) + " is not one of " + words());
    }

    /** {@code lead-teacher, assistant-teacher, classroom-agent, staff}. */
    public static String words() {
        return Arrays.stream(values()).map(Role::word).collect(Collectors.joining(", "));
    }
}
