package org.tongke.signaling.room;

import java.util.List;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.Scope;

/** Who may join or open which room, and as which classroom, from the verified identity alone. */
public final class RoomAccess {
    private RoomAccess() {
    }

    /** The classroom a token speaks for: its scope's id when the scope is one classroom, else null. */
    public static String classroomOf(Identity identity) {
        return identity.scope().type() == Scope.Type.CLASSROOM ? identity.scope().id() : null;
    }

    public static Participant participant(String session, Identity identity) {
        return new Participant(session, identity.role().word(), identity.subject(), classroomOf(identity));
    }

    /**
     * Staff of a county or school: any room. Teachers: the room whose id is their lesson, or one
     * listing their classroom. An agent: a room listing its classroom.
     */
    public static boolean mayJoin(Identity identity, String roomId, List<String> classrooms) {
        Scope scope = identity.scope();
        boolean wide = scope.type() == Scope.Type.COUNTY || scope.type() == Scope.Type.SCHOOL;
        boolean ownClassroom = scope.type() == Scope.Type.CLASSROOM && classrooms.contains(scope.id());
        boolean ownLesson = scope.type() == Scope.Type.LESSON && scope.id().equals(roomId);
        if (identity.role() == Role.STAFF) {
            return wide || ownClassroom || ownLesson;
        }
        if (identity.role() == Role.CLASSROOM_AGENT) {
            return ownClassroom;
        }
        return ownClassroom || ownLesson;
    }

    /** Staff, or a lead teacher who may join the room they open. */
    public static boolean mayOpen(Identity identity, String roomId, List<String> classrooms) {
        return identity.role() == Role.STAFF
                || identity.role() == Role.LEAD_TEACHER && mayJoin(identity, roomId, classrooms);
    }
}
