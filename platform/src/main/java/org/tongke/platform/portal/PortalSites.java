package org.tongke.platform.portal;

import java.net.URI;
import java.util.Objects;

/**
 * Where the components serve, and the staff token the portal reads their APIs with (a portal is
 * a staff member's view of the county).
 */
public record PortalSites(URI scheduler, URI signaling, URI recorder, String staffToken) {
    public PortalSites {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(signaling, "signaling");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(staffToken, "staffToken");
    }

    /** The pages a person opens, each served by its own component. */
    public String timetablePage() {
        return scheduler.resolve("/").toString();
    }

    public String classroomsPage() {
        return signaling.resolve("/classrooms").toString() + "#token=" + staffToken;
    }

    public String libraryPage() {
        return recorder.resolve("/library/?token=" + staffToken).toString();
    }

    public String reportPage() {
        return recorder.resolve("/library/report.html?token=" + staffToken).toString();
    }

    public String jobsPage() {
        return recorder.resolve("/admin/jobs?token=" + staffToken).toString();
    }
}
