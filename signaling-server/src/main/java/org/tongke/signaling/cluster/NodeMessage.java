package org.tongke.signaling.cluster;

import java.util.List;

/**
 * What one signaling node tells another on its channel {@code tongke:node:<id>}. Client and
 * server messages inside are the protocol's own JSON text ({@link org.tongke.signaling.protocol.MessageCodec}),
 * so the owner decodes a forwarded message exactly as if its client had sent it.
 */
public sealed interface NodeMessage {
    /** The wire word of the record, see {@link NodeCodec}. */
    String kind();

    /**
     * A room message of a session on {@code node}, for the room's owner to apply.
     *
     * @param message the client message's JSON text
     */
    record Act(String room, String node, String session, Who who, String message) implements NodeMessage {
        public String kind() {
            return "act";
        }
    }

    /**
     * A session on {@code node} dropped ({@code away}), came back ({@code back}, with a fresh
     * snapshot when {@code snapshot}) or ended ({@code leave}); for the room's owner.
     */
    record Presence(String room, String node, String session, Who who, String change, String reason, boolean snapshot)
            implements NodeMessage {
        public static final String AWAY = "away";
        public static final String BACK = "back";
        public static final String LEAVE = "leave";

        public String kind() {
            return "presence";
        }
    }

    /**
     * A server message for a session of the receiving node, which numbers and sends it.
     *
     * @param message the server message's JSON text (its {@code seq} is a placeholder: the receiving session numbers it)
     */
    record Deliver(String session, String message) implements NodeMessage {
        public String kind() {
            return "deliver";
        }
    }

    /** The session was resumed on {@code node}: close its old connection (4004) and forget it here. */
    record Resumed(String session, String node) implements NodeMessage {
        public String kind() {
            return "resumed";
        }
    }

    /**
     * An {@code agent-command} of a session on {@code node} for the classroom's agent, connected to
     * the receiving node, which checks it as if the sender were its own and answers the sender
     * with {@link Deliver}: the agent's {@code command-result}, or an error.
     *
     * @param leadsRoomWith the sending node found the sender leading a room that lists the classroom
     * @param message       the client message's JSON text
     */
    record Command(String classroom, String node, String session, Who who, boolean leadsRoomWith, String message)
            implements NodeMessage {
        public String kind() {
            return "command";
        }
    }

    /**
     * A classroom's agent as its node keeps it in Redis ({@code tongke:classroom:{<id>}:status}),
     * for the staff view of every node. Times are ISO-8601 instants, null when unknown.
     *
     * @param state online, away or offline (as the node last said: a node that died says nothing more)
     * @param node  the node the agent is (or was last) connected to
     */
    record StoredAgent(String classroom, String state, String node, String session, String agent,
            String connectedAt, String lastHeartbeat, org.tongke.signaling.protocol.ClientMessage.Health health,
            String healthAt, Long acknowledgedVersion, Long scheduleVersion, String room, String offlineSince) {
    }

    /**
     * A room as its owner keeps it in Redis ({@code tongke:room:{<id>}:state}) after every change,
     * so that another node can take it over when the owner dies.
     *
     * @param owner     the node that wrote it
     * @param members   where each participant's session is connected, by session id
     * @param keepUntil ISO instant an empty room stays open until, null for an ad hoc room
     * @param away      the members away (their connection dropped, or their node stopped), with the
     *                  reason the room was told; null when stored by a node that did not say
     * @param lesson    when the lesson started and the classrooms present while live, so that a
     *                  lesson reported after a takeover keeps its real start; null when not said
     */
    record StoredRoom(org.tongke.signaling.room.RoomState state, String owner, java.util.Map<String, String> members,
            String keepUntil, java.util.Map<String, String> away, StoredLesson lesson) {
        /** The away members, none when the storing node did not say. */
        public java.util.Map<String, String> awayOrNone() {
            return away == null ? java.util.Map.of() : away;
        }
    }

    /** A room's {@link org.tongke.signaling.room.Room.LessonRecord} as text: an ISO instant or null, and the classrooms. */
    record StoredLesson(String startedAt, List<String> present) {
        public static StoredLesson of(org.tongke.signaling.room.Room.LessonRecord record) {
            return new StoredLesson(record.startedAt() == null ? null : record.startedAt().toString(), record.present());
        }

        public org.tongke.signaling.room.Room.LessonRecord record() {
            return new org.tongke.signaling.room.Room.LessonRecord(
                    startedAt == null ? null : java.time.Instant.parse(startedAt), present);
        }
    }

    /**
     * A session as every node can find it ({@code tongke:session:<id>}), to resume it on another
     * node when its own dies.
     */
    record StoredSession(String session, Who who, String node, List<String> rooms) {
    }
}
