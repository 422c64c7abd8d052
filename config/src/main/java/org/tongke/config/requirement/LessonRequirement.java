package org.tongke.config.requirement;

import java.util.List;
import java.util.Objects;

/**
 * A lesson the community wants every week: the host teacher teaches the host class and, at the
 * same wall-clock time, the receiving classes at other schools, each with an assistant teacher.
 * {@code allowSwap} lets the scheduler move a receiving class's other-subject period to make room.
 */
public record LessonRequirement(
        String id,
        String community,
        LessonKind kind,
        String subject,
        ClassRef host,
        List<ClassRef> receivers,
        int perWeek,
        int durationMinutes,
        boolean allowSwap) {

    public LessonRequirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(host, "host");
        receivers = List.copyOf(Objects.requireNonNull(receivers, "receivers"));
        if (perWeek < 1) {
            throw new IllegalArgumentException("perWeek must be 1 or more: " + perWeek);
        }
        if (durationMinutes < 1) {
            throw new IllegalArgumentException("durationMinutes must be 1 or more: " + durationMinutes);
        }
    }

    /** Host school first, then each receiving school. */
    public List<String> schools() {
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.of(host.school()), receivers.stream().map(ClassRef::school))
                .distinct().toList();
    }
}
