package org.tongke.config.requirement;

import java.util.List;
import java.util.Objects;

/**
 * Teaching research (教研) the community holds each term on a subject: online sessions
 * (网络研修) and in-person ones, with the teachers who take part. {@code follows} names the
 * lesson requirements whose lessons the sessions discuss, so they are planned after them.
 */
public record ResearchRequirement(
        String id,
        String community,
        String subject,
        int onlinePerTerm,
        int offlinePerTerm,
        int durationMinutes,
        List<TeacherRef> participants,
        List<String> follows) {

    public ResearchRequirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(subject, "subject");
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
        follows = List.copyOf(Objects.requireNonNull(follows, "follows"));
        if (onlinePerTerm < 0 || offlinePerTerm < 0) {
            throw new IllegalArgumentException("sessions per term cannot be negative");
        }
        if (durationMinutes < 1) {
            throw new IllegalArgumentException("durationMinutes must be 1 or more: " + durationMinutes);
        }
    }
}
