package org.tongke.recorder.server;

import io.vertx.ext.web.RoutingContext;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.TokenRejected;
import org.tongke.config.auth.TokenVerifier;

/** Checks {@code Authorization: Bearer TOKEN} and keeps the token's identity on the request. */
public final class Authentication {
    private static final String KEY = "tongke.identity";
    private static final String BEARER = "Bearer ";

    private final TokenVerifier tokens;

    public Authentication(TokenVerifier tokens) {
        this.tokens = tokens;
    }

    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ctx.fail(401, new TokenRejected(org.tongke.config.auth.TokenProblem.MALFORMED,
                    "no token: send 'Authorization: Bearer TOKEN' (a token of 'token issue')"));
            return;
        }
        try {
            ctx.put(KEY, tokens.verify(header.substring(BEARER.length()).trim()));
        } catch (TokenRejected e) {
            ctx.fail(401, e);
            return;
        }
        ctx.next();
    }

    /** The identity of an authenticated request. */
    public static Identity identity(RoutingContext ctx) {
        Identity who = ctx.get(KEY);
        if (who == null) {
            throw new IllegalStateException("route " + ctx.normalizedPath() + " is not behind authentication");
        }
        return who;
    }
}
