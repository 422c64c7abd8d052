package org.tongke.recorder.library;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.TokenRejected;
import org.tongke.config.auth.TokenVerifier;

/**
 * Lets a request through to the library's API only with a staff or teacher token, as
 * {@code Authorization: Bearer TOKEN}; puts the {@link Identity} into the context under
 * {@link #IDENTITY}. A classroom agent's token is refused (403): agents upload, they do not
 * browse.
 */
public final class LibraryAuth implements Handler<RoutingContext> {
    public static final String IDENTITY = "identity";
    static final Set<Role> READERS = EnumSet.of(Role.STAFF, Role.LEAD_TEACHER, Role.ASSISTANT_TEACHER);

    private final TokenVerifier verifier;

    public LibraryAuth(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.fail(new ApiError(401, "unauthorized", "the library needs a staff or teacher token: "
                    + "Authorization: Bearer TOKEN (pages take it once from ?token=)"));
            return;
        }
        Identity identity;
        try {
            identity = verifier.verify(header.substring(7).strip());
        } catch (TokenRejected e) {
            ctx.fail(new ApiError(401, "unauthorized", e.getMessage()));
            return;
        }
        if (!READERS.contains(identity.role())) {
            ctx.fail(new ApiError(403, "forbidden", "a " + identity.role().word()
                    + " token does not open the library; staff and teachers' tokens do"));
            return;
        }
        ctx.put(IDENTITY, identity);
        ctx.next();
    }

    public static Identity identity(RoutingContext ctx) {
        return ctx.get(IDENTITY);
    }
}
