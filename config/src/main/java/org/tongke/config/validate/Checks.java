package org.tongke.config.validate;

import org.tongke.config.county.County;
import org.tongke.config.diagnostic.Location;
import org.tongke.config.diagnostic.Problems;
import org.tongke.config.diagnostic.SourceIndex;

/** What every check needs: the county, where each part came from, and where to report. */
record Checks(County county, SourceIndex sources, Problems problems) {

    Location at(Object loaded) {
        return sources.locate(loaded, "");
    }

    Location at(Object loaded, String field) {
        return sources.field(loaded, "", field);
    }

    void error(Object loaded, String field, String message) {
        problems.error(field == null ? at(loaded) : at(loaded, field), message);
    }

    /** True when nothing of that kind and id was written at all (not merely written wrong). */
    boolean absent(String kind, String scope, String id) {
        return !sources.wasUnbuilt(kind, scope, id);
    }

    void warning(Object loaded, String field, String message) {
        problems.warning(field == null ? at(loaded) : at(loaded, field), message);
    }
}
