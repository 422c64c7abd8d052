package org.tongke.platform.portal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A lesson the portal lists, with ready-made console links: the lead teacher's, one per rural
 * room, and an observer's (each link carries its own token).
 */
public record PortalLesson(String id, String title, String community, OffsetDateTime start, OffsetDateTime end,
                           String hostSchool, List<String> ruralSchools, String teacherLink, List<String> ruralLinks,
                           String observerLink) {
    public PortalLesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        ruralSchools = List.copyOf(ruralSchools);
        ruralLinks = List.copyOf(ruralLinks);
    }
}
