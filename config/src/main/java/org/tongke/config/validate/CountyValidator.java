package org.tongke.config.validate;

import java.nio.file.Path;
import org.tongke.config.county.Community;
import org.tongke.config.diagnostic.Location;
import org.tongke.config.yaml.ConfigLoader;
import org.tongke.config.yaml.LoadedCounty;

/**
 * Loads a county configuration folder and checks it whole: the reading problems (syntax,
 * unknown keys, missing fields, bad values) and the checks across files (references, overlaps,
 * double bookings, ids), every one at once.
 */
public final class CountyValidator {
    private CountyValidator() {
    }

    public static ValidatedCounty validate(Path dir) {
        LoadedCounty loaded = ConfigLoader.load(dir);
        loaded.county().ifPresent(county -> {
            Checks checks = new Checks(county, loaded.sources(), loaded.problems());
            new CalendarChecks(checks).run();
            new SchoolChecks(checks).run();
            new CommunityChecks(checks).run();
            new RequirementChecks(checks).run();
            if (!checks.problems().hasErrors()) {
                // With errors, parts of the county are missing and the shortfall would be theirs.
                warnAboutTargets(checks);
            }
        });
        return new ValidatedCounty(loaded.county(), loaded.problems());
    }

    private static void warnAboutTargets(Checks checks) {
        for (var capacity : new TargetCoverage(checks.county()).pairings()) {
            if (capacity.reachesTargets()) {
                continue;
            }
            Community c = capacity.community();
            var t = capacity.targets();
            Location where = checks.sources().locate(c, ConfigLoader.COMMUNITIES_FILE);
            checks.problems().warning(where, String.format(
                    "pairing %s -> %s can reach at most %d lessons in %d subjects, %d online and %d offline research"
                            + " sessions a year; %s communities aim for %d, %d, %d and %d",
                    capacity.pairing().supporting(), capacity.pairing().receiving(), capacity.lessons(),
                    capacity.subjects(), capacity.onlineResearch(), capacity.offlineResearch(), c.type().key(),
                    t.syncLessons(), t.syncSubjects(), t.onlineResearch(), t.offlineResearch()));
        }
    }
}
