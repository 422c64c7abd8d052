package org.tongke.config.county;

import java.util.List;
import java.util.Objects;

/**
 * A community (教共体): its core school (总校/核心校) supports each of its member schools.
 * {@code since} is the year it was formed, or 0 when not known.
 */
public record Community(String id, String name, CommunityType type, String core, List<String> members, int since) {
    public Community {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(core, "core");
        members = List.copyOf(Objects.requireNonNull(members, "members"));
    }

    /** Core school first, then the members. */
    public List<String> schools() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(core), members.stream()).toList();
    }

    public boolean includes(String schoolId) {
        return core.equals(schoolId) || members.contains(schoolId);
    }

    /** The pairings the yearly targets count: core school with each member. */
    public List<Pairing> pairings() {
        return members.stream().map(m -> new Pairing(core, m, since, null)).toList();
    }
}
