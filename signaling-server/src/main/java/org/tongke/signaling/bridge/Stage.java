package org.tongke.signaling.bridge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tongke.config.auth.Role;
import org.tongke.signaling.room.Participant;

/**
 * Who matters most in a bridged room right now: the lead teacher's sessions, and the sessions of
 * the rural rooms on stage (the one with the floor and the one in the spotlight). From it each
 * viewer's {@link ReceiverConstraints} follow, once the sessions' video source names are known.
 */
public record Stage(Set<String> hosts, Set<String> onStage) {
    public static final Stage EMPTY = new Stage(Set.of(), Set.of());

    public Stage {
        hosts = Set.copyOf(hosts);
        onStage = Set.copyOf(onStage);
    }

    /** The stage of a room with these media participants, floor and spotlight (classrooms, or null). */
    public static Stage of(List<Participant> participants, String floor, String spotlight) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> onStage = new LinkedHashSet<>();
        for (Participant p : participants) {
            if (Role.LEAD_TEACHER.word().equals(p.role())) {
                hosts.add(p.session());
            } else if (p.classroom() != null
                    && (p.classroom().equals(floor) || p.classroom().equals(spotlight))) {
                onStage.add(p.session());
            }
        }
        return new Stage(hosts, onStage);
    }

    /**
     * What {@code viewer} should ask the bridge for, given each session's video source names
     * (sessions whose sources are not known yet are left out until they are).
     */
    public ReceiverConstraints forViewer(String viewer, Map<String, List<String>> videoSources) {
        return ReceiverConstraints.forViewer(hosts.contains(viewer), sourcesOf(hosts, viewer, videoSources),
                sourcesOf(onStage, viewer, videoSources));
    }

    private static List<String> sourcesOf(Set<String> sessions, String viewer, Map<String, List<String>> videoSources) {
        Objects.requireNonNull(viewer, "viewer");
        return sessions.stream().filter(s -> !s.equals(viewer))
                .flatMap(s -> videoSources.getOrDefault(s, List.of()).stream()).toList();
    }
}
