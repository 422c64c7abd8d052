package org.tongke.config.generate;

import org.tongke.config.county.County;

/**
 * The generated counties the command line offers: {@code config generate --county qingtian
 * --seed 2021} and {@code config generate --schools 200 --communities 70 --seed 7}. Write one
 * with {@link CountyYamlWriter#write}.
 */
public final class SampleCounties {
    /** The seed of the sample folder {@code samples/qingtian}. */
    public static final long QINGTIAN_SAMPLE_SEED = 2021;

    private SampleCounties() {
    }

    /** Qingtian's real communities and pairings, with schools, timetables and requirements drawn from the seed. */
    public static County qingtian(long seed) {
        return new CountyGenerator(seed).generate(QingtianBlueprint.create());
    }

    /** A made-up county of this many schools and communities. */
    public static County synthetic(int schools, int communities, long seed) {
        return synthetic(schools, communities, seed, 1);
    }

    /** The same, with every lesson requirement meeting {@code lessonsPerWeek} times a week. */
    public static County synthetic(int schools, int communities, long seed, int lessonsPerWeek) {
        return new CountyGenerator(seed, lessonsPerWeek).generate(SyntheticBlueprint.create(schools, communities, seed));
    }

    /** The command that writes a county like {@link #qingtian}, named in every file it writes. */
    public static String qingtianCommand(long seed) {
        return "config generate --county qingtian --seed " + seed;
    }
}
