package org.tongke.config.generate;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Independent random streams derived from one seed and a few names ("zhangdan-zhongxue",
 * "timetable"). Each school draws from its own streams, so adding a school to a county leaves
 * every other school exactly as it was.
 */
final class Seeds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Seeds() {
    }

    static Random random(long seed, String... names) {
        return new Random(derive(seed, names));
    }

    static long derive(long seed, String... names) {
        long hash = FNV_OFFSET;
        for (String name : names) {
            for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * FNV_PRIME;
            }
            // A separator, so ("ab", "c") and ("a", "bc") give different streams.
            hash = (hash ^ 0xff) * FNV_PRIME;
        }
        return mix(seed ^ mix(hash));
    }

    /** SplitMix64's finaliser: neighbouring seeds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
