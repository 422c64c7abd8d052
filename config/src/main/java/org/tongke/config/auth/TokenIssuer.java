package org.tongke.config.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** Mints signed tokens (compact JWT, HS256); thread-safe. */
public final class TokenIssuer {
    /** Longest lifetime: a school year with margin; a longer-lived secret should be rotated instead. */
    public static final Duration MAX_TTL = Duration.ofDays(366);
    public static final Duration MIN_TTL = Duration.ofSeconds(1);

    private final Hs256 mac;
    private final Clock clock;

    public TokenIssuer(byte[] secret, Clock clock) {
        this.mac = new Hs256(secret);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A token for {@code subject} (when null: the scope's text, e.g. an agent named by its
     * classroom) acting as {@code role} within {@code scope}, valid for {@code ttl} from now.
     */
    public String issue(Role role, Scope scope, String subject, Duration ttl) {
        checkTtl(ttl);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return sign(new Identity(subject == null ? scope.text() : subject, role, scope, now,
                now.plusSeconds(ttl.toSeconds()), UUID.randomUUID().toString()));
    }

    /** Refuses a lifetime outside 1 s to {@link #MAX_TTL}. */
    public static Duration checkTtl(Duration ttl) {
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("lifetime " + ttl + " is not between 1 second and " + MAX_TTL.toDays()
                    + " days");
        }
        return ttl;
    }

    /** {@code header.claims.signature}, each part base64url without padding. */
    String sign(Identity identity) {
        String signingInput = Hs256.encode(ClaimsJson.header()) + "." + Hs256.encode(ClaimsJson.claims(identity));
        return signingInput + "." + mac.sign(signingInput);
    }
}
