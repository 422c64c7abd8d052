package org.tongke.signaling.room;

import java.util.Set;
import org.tongke.config.auth.Role;

/** The role words the rules compare. */
final class Roles {
    static final String LEAD = Role.LEAD_TEACHER.word();
    static final String STAFF = Role.STAFF.word();
    static final String AGENT = Role.CLASSROOM_AGENT.word();
    /** Who speaks for a rural classroom. */
    static final Set<String> RURAL = Set.of(Role.ASSISTANT_TEACHER.word(), Role.CLASSROOM_AGENT.word());

    private Roles() {
    }
}
