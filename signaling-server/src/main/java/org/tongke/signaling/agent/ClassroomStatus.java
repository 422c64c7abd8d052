package org.tongke.signaling.agent;

import java.time.Instant;
import org.tongke.signaling.protocol.ClientMessage;

/**
 * One classroom as staff see it.
 *
 * @param state         {@code online}, {@code away} (its connection dropped, within the resume grace) or {@code offline}
 * @param agent         the token subject of the agent connected now, null when none
 * @param lastHeartbeat the last ping or health heard from its agent, null when never
 * @param health        the agent's last health report, null when none
 * @param acknowledgedVersion the schedule version its agent last acknowledged, null when none
 * @param scheduleVersion the version of its schedule now, null without a timetable
 * @param room          the lesson room its agent is in, null when none
 */
public record ClassroomStatus(String classroom, String school, String schoolName, String name, String state,
        String agent, Instant lastHeartbeat, ClientMessage.Health health, Instant healthAt, Long acknowledgedVersion,
        Long scheduleVersion, String room) {
    public static final String ONLINE = "online";
    public static final String AWAY = "away";
    public static final String OFFLINE = "offline";
}
