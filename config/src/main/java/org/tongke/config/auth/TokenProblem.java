package org.tongke.config.auth;

/**
 * Why a token was refused. The constant's name is the stable code a client sees (in an error
 * frame or a close reason), so names are never reused or renamed.
 */
public enum TokenProblem {
    /** Not a compact JWT: wrong segments, bad encoding, bad JSON, a missing or mistyped claim, too long. */
    MALFORMED,
    /** The signature does not match: the token was altered or signed with another secret. */
    BAD_SIGNATURE,
    /** The header names an algorithm other than HS256 ({@code none} included). */
    UNSUPPORTED_ALGORITHM,
    /** The token's {@code exp} has passed, beyond the allowed clock skew. */
    EXPIRED,
    /** The token's {@code iat} or {@code nbf} lies in the future, beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** The {@code role} is none of lead-teacher, assistant-teacher, classroom-agent, staff. */
    UNKNOWN_ROLE,
    /** The {@code scope} is not a known type with a well-formed id. */
    BAD_SCOPE
}
