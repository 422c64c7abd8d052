package org.tongke.signaling.agent;

import java.time.Instant;
import org.tongke.signaling.protocol.ClientMessage;

/**
 * One classroom as staff see it.
 *
 * @param state         {@code online}, {@code away} (its connection dropped, within the resume grace) or {@code offline}
 * @param node          the signaling node its agent is connected to ({@code --redis}), null on a single node or offline
 * @param agent         the token subject of the agent connected now, null when none
 * @param connectedAt   when its agent's connection came (or came back), null when offline
 * @param lastHeartbeat the last ping or health heard from its agent, null when never
 * @param health        the agent's last health report, null when none
 * @param acknowledgedVersion the schedule version its agent last acknowledged, null when none
 * @param scheduleVersion the version of its schedule now (on its agent's node), null without a timetable
 * @param room          the lesson room its agent is in, null when none
 * @param offlineSince  offline: when its agent left (or, when its node died, when it was last heard); null otherwise
 */
public record ClassroomStatus(String classroom, String school, String schoolName, String name, String state,
        String node, String agent, Instant connectedAt, Instant lastHeartbeat, ClientMessage.Health health,
        Instant healthAt, Long acknowledgedVersion, Long scheduleVersion, String room, Instant offlineSince) {
    public static final String ONLINE = "online";
    public static final String AWAY = "away";
    public static final String OFFLINE = "offline";

    /** Whether an agent is connected (or away within the resume grace). */
    public boolean connected() {
        return !OFFLINE.equals(state);
    }

    /**
     * What staff see of a classroom with this node's view {@code here} and what the cluster stored
     * for it, {@code elsewhere} (null when nothing): this node's own agent first, since it is the
     * freshest; else the stored one under the names this node knows; else {@code here} (never seen).
     */
    public static ClassroomStatus combine(ClassroomStatus here, ClassroomStatus elsewhere) {
        if (here.connected() || elsewhere == null) {
            return here;
        }
        Long version = elsewhere.connected() ? elsewhere.scheduleVersion() : here.scheduleVersion();
        return new ClassroomStatus(here.classroom(), here.school(), here.schoolName(), here.name(), elsewhere.state(),
                elsewhere.node(), elsewhere.agent(), elsewhere.connectedAt(), elsewhere.lastHeartbeat(),
                elsewhere.health(), elsewhere.healthAt(), elsewhere.acknowledgedVersion(), version, elsewhere.room(),
                elsewhere.offlineSince());
    }
}
