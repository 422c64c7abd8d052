package org.tongke.config.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * The claims of a verified token: who ({@code sub}), as what ({@code role}), for what
 * ({@code scope}), from when until when ({@code iat}, {@code exp}, whole seconds) and which
 * token ({@code jti}, so that one token can be revoked or traced later).
 */
public record Identity(String subject, Role role, Scope scope, Instant issuedAt, Instant expiresAt, String tokenId) {
    public static final int MAX_SUBJECT_LENGTH = 200;

    public Identity {
        requireSubject(subject);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
        if (!expiresAt.isAfter(issuedAt)) {
            throw malformed("token expires (" + expiresAt + ") before it is issued (" + issuedAt + ")");
        }
        if (tokenId.isBlank() || tokenId.length() > MAX_SUBJECT_LENGTH) {
            throw malformed("token id is empty or longer than " + MAX_SUBJECT_LENGTH + " characters");
        }
    }

    /** A person's or agent's id: 1 to 200 characters, no control characters. */
    public static String requireSubject(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH || subject.chars().anyMatch(Character::isISOControl)) {
            throw malformed("subject " + TokenRejected.quote(subject) + " must be 1 to " + MAX_SUBJECT_LENGTH
                    + " characters without control characters");
        }
        return subject;
    }

    private static TokenRejected malformed(String message) {
        return new TokenRejected(TokenProblem.MALFORMED, message);
    }
}
