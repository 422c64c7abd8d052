package org.tongke.config.auth;

import java.util.Objects;

/**
 * A token, or a part of one (role, scope, subject), that is refused. The message is plain English
 * fit to show the client; it never holds the secret and quotes untrusted text only shortened.
 */
public final class TokenRejected extends RuntimeException {
    private static final int MAX_QUOTED = 64;

    private final TokenProblem problem;

    public TokenRejected(TokenProblem problem, String message) {
        // No stack trace: refusing a forged or stale token is routine input handling, not a bug,
        // and a flood of bad tokens should cost as little as possible.
        super(message, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public TokenProblem problem() {
        return problem;
    }

    /** {@code 'text'}, cut short and with control characters replaced, safe in a log or a reply. */
    static String quote(String text) {
        String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
