package org.tongke.config.county;

/**
 * What each pairing of a community must deliver in a school year. Seed 003 sets, for merged
 * and co-built communities: at least 20 synchronized lessons in at least 2 subjects, 8 online
 * and 4 offline teaching-research sessions; collaborative communities have no numbers.
 */
public record YearlyTargets(int syncLessons, int syncSubjects, int onlineResearch, int offlineResearch) {
    public static final YearlyTargets SEED_003 = new YearlyTargets(20, 2, 8, 4);
    public static final YearlyTargets NONE = new YearlyTargets(0, 0, 0, 0);

    public YearlyTargets {
        if (syncLessons < 0 || syncSubjects < 0 || onlineResearch < 0 || offlineResearch < 0) {
            throw new IllegalArgumentException("targets cannot be negative");
        }
    }

    public static YearlyTargets defaultFor(CommunityType type) {
        return type == CommunityType.COLLABORATIVE ? NONE : SEED_003;
    }
}
