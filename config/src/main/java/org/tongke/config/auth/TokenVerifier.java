package org.tongke.config.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a token a client presents and returns who it names; thread-safe. The order matters:
 * the algorithm is checked before the signature, and the claims are read only once the
 * signature holds, so nothing unsigned is ever believed.
 */
public final class TokenVerifier {
    /** Agents' boxes keep time by NTP when the rural link allows; half a minute covers the drift. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    /** Ours are about 400 characters; the bound keeps a hostile one from costing parse time. */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;

    /** Three base64url segments, the third empty for an unsigned ("none") token. */
    private static final Pattern COMPACT = Pattern.compile("([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]*)");

    private final Hs256 mac;
    private final Clock clock;
    private final Duration skew;

    public TokenVerifier(byte[] secret, Clock clock) {
        this(secret, clock, DEFAULT_CLOCK_SKEW);
    }

    public TokenVerifier(byte[] secret, Clock clock, Duration skew) {
        this.mac = new Hs256(secret);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (skew.isNegative()) {
            throw new IllegalArgumentException("clock skew " + skew + " is negative");
        }
        this.skew = skew;
    }

    /** The token's identity, or {@link TokenRejected} with the reason. */
    public Identity verify(String token) {
        Matcher parts = split(token);
        checkAlgorithm(decode(parts.group(1), "header"));
        if (!mac.matches(parts.group(1) + "." + parts.group(2), parts.group(3))) {
            throw new TokenRejected(TokenProblem.BAD_SIGNATURE, "token signature does not match");
        }
        JsonNode claims = decode(parts.group(2), "claims");
        Identity identity = ClaimsJson.identity(claims);
        checkTimes(identity, ClaimsJson.notBefore(claims));
        return identity;
    }

    private static Matcher split(String token) {
        if (token == null || token.isEmpty()) {
            throw malformed("no token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw malformed("token is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        Matcher parts = COMPACT.matcher(token);
        if (!parts.matches()) {
            throw malformed("token is not three base64url segments joined by dots (header.claims.signature)");
        }
        return parts;
    }

    private static JsonNode decode(String segment, String what) {
        try {
            return ClaimsJson.object(Hs256.decode(segment), what);
        } catch (IllegalArgumentException e) {
            throw malformed("token " + what + " is not base64url");
        }
    }

    private static void checkAlgorithm(JsonNode header) {
        JsonNode alg = header.get("alg");
        if (alg == null || !Hs256.ALGORITHM.equals(alg.asText(null))) {
            // Never let the token choose how it is checked: "none" or another algorithm is refused.
            String named = alg == null ? "none named" : TokenRejected.quote(alg.isTextual() ? alg.asText() : alg.toString());
            throw new TokenRejected(TokenProblem.UNSUPPORTED_ALGORITHM,
                    "token algorithm " + named + " is not accepted; tokens are signed with " + Hs256.ALGORITHM);
        }
        if (header.has("typ") && !"JWT".equals(header.get("typ").asText(null))) {
            throw malformed("token type is not JWT");
        }
        if (header.has("crit")) {
            // RFC 7515, 4.1.11: extensions marked critical that we do not know must be refused.
            throw malformed("token header lists critical extensions this server does not know");
        }
    }

    private void checkTimes(Identity identity, Optional<Instant> notBefore) {
        Instant now = clock.instant();
        if (!now.isBefore(identity.expiresAt().plus(skew))) {
            throw new TokenRejected(TokenProblem.EXPIRED, "token expired at " + identity.expiresAt());
        }
        Instant latestStart = now.plus(skew);
        Instant start = notBefore.filter(nbf -> nbf.isAfter(identity.issuedAt())).orElse(identity.issuedAt());
        if (start.isAfter(latestStart)) {
            throw new TokenRejected(TokenProblem.NOT_YET_VALID,
                    "token is valid from " + start + ", later than now (" + now + "); check the clocks");
        }
    }

    private static TokenRejected malformed(String message) {
        return new TokenRejected(TokenProblem.MALFORMED, message);
    }
}
