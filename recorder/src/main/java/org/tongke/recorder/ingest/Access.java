package org.tongke.recorder.ingest;

import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;

/** Who may do what in ingest: an agent only for its own classroom; staff may read what is stored. */
public final class Access {
    private Access() {
    }

    public static void requireAgentOf(Identity who, String classroom) {
        if (who.role() != Role.CLASSROOM_AGENT || who.scope().type() != Scope.Type.CLASSROOM
                || !who.scope().id().equals(classroom)) {
            throw IngestException.forbidden("only the classroom-agent token of classroom " + classroom
                    + " may upload for it; this token is " + who.role().word() + " for " + who.scope().text());
        }
    }

    public static void requireReaderOf(Identity who, String classroom) {
        if (who.role() != Role.STAFF) {
            requireAgentOf(who, classroom);
        }
    }
}
