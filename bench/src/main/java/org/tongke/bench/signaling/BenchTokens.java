package org.tongke.bench.signaling;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;
import org.tongke.config.auth.Secrets;
import org.tongke.config.auth.TokenIssuer;

/** The benchmark's people and rooms, and their tokens, signed with the secret the server reads. */
final class BenchTokens {
    /** Rural classrooms per lesson room, besides the lead teacher. */
    static final int ASSISTANTS = 4;
    static final int ROOM_SIZE = ASSISTANTS + 1;
    private static final Duration TTL = Duration.ofHours(2);

    private final TokenIssuer issuer;

    BenchTokens(Path secretFile) {
        this.issuer = new TokenIssuer(Secrets.read(secretFile), Clock.systemUTC());
    }

    /** Agents of 100 classrooms per school, each named by its classroom. */
    String agent(int i) {
        return issuer.issue(Role.CLASSROOM_AGENT, new Scope(Scope.Type.CLASSROOM, "bench-a" + i / 100 + "/r" + i % 100),
                null, TTL);
    }

    static String room(int m) {
        return "bench-r" + m + "#1";
    }

    static String classroom(int m, int k) {
        return "bench-s" + m + "/c" + k;
    }

    String lead(int m) {
        return issuer.issue(Role.LEAD_TEACHER, new Scope(Scope.Type.LESSON, room(m)), "lead-" + m, TTL);
    }

    String assistant(int m, int k) {
        return issuer.issue(Role.ASSISTANT_TEACHER, new Scope(Scope.Type.CLASSROOM, classroom(m, k)), null, TTL);
    }
}
