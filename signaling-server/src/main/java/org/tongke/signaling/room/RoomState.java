package org.tongke.signaling.room;

import java.util.List;
import java.util.Map;

/**
 * A copy of a room's whole state, as a snapshot sends it.
 *
 * @param host      the lead teacher's classroom when their token names one, else null
 * @param classrooms the rural classrooms
 * @param hands     raised hands, first raised first
 * @param media     {@code p2p} or {@code bridge}, see {@link MediaMode}
 * @param recording the classrooms whose agent says it is recording the lesson
 */
public record RoomState(String id, String title, String lesson, String host, List<String> classrooms,
        List<Participant> participants, String floor, List<String> hands, List<String> muted, List<String> locked,
        String spotlight, Map<String, AttendanceReport> attendance, List<ChatEntry> chat, String media,
        List<String> recording) {
    public RoomState {
        classrooms = List.copyOf(classrooms);
        participants = List.copyOf(participants);
        hands = List.copyOf(hands);
        muted = List.copyOf(muted);
        locked = List.copyOf(locked);
        attendance = Map.copyOf(attendance);
        chat = List.copyOf(chat);
        recording = List.copyOf(recording);
    }
}
