package org.tongke.signaling.agent;

import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;

/** Who may speak for, command or see which classroom, from the verified identity alone. */
public final class AgentAccess {
    private AgentAccess() {
    }

    /** The classroom an agent speaks for, or null when the identity is no classroom agent. */
    public static String agentClassroom(Identity identity) {
        return identity.role() == Role.CLASSROOM_AGENT && identity.scope().type() == Scope.Type.CLASSROOM
                ? identity.scope().id() : null;
    }

    /** Staff of the county, or of the classroom's own school. */
    public static boolean staffCovers(Identity identity, String classroom) {
        if (identity.role() != Role.STAFF) {
            return false;
        }
        Scope scope = identity.scope();
        return scope.type() == Scope.Type.COUNTY
                || scope.type() == Scope.Type.SCHOOL && classroom.startsWith(scope.id() + "/");
    }

    /**
     * Staff covering the classroom, or a lead teacher who is in a room listing it
     * ({@code leadsRoomWithIt}, which the caller knows from the rooms).
     */
    public static boolean mayCommand(Identity identity, String classroom, boolean leadsRoomWithIt) {
        return staffCovers(identity, classroom) || identity.role() == Role.LEAD_TEACHER && leadsRoomWithIt;
    }
}
