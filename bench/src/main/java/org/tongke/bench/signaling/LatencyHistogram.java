package org.tongke.bench.signaling;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, counted in log-linear buckets: exact below 128 µs, then 64 buckets
 * per power of two, so a percentile is off by less than 1/64 of its value (HdrHistogram's idea,
 * sized for one benchmark). The maximum is kept exactly. Thread-safe without locks: the
 * generator's event loops record into one histogram.
 */
final class LatencyHistogram {
    /** Values below this have a bucket each. */
    static final int LINEAR = 128;
    /** Buckets per power of two above {@link #LINEAR}. */
    static final int PER_OCTAVE = 64;
    /** Anything longer than about 12 days is counted as that. */
    static final long MAX_MICROS = (1L << 40) - 1;

    private static final int BUCKETS = index(MAX_MICROS) + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void record(long micros) {
        long v = Math.min(MAX_MICROS, Math.max(0, micros));
        counts.incrementAndGet(index(v));
        total.incrementAndGet();
        max.accumulateAndGet(v, Math::max);
    }

    long count() {
        return total.get();
    }

    long max() {
        return max.get();
    }

    /**
     * The smallest value that at least {@code fraction} of the recorded values do not exceed,
     * rounded up to its bucket's top (never above the exact maximum); 0 when nothing was recorded.
     */
    long percentile(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("percentile fraction " + fraction + " is not between 0 and 1");
        }
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(highestIn(i), max.get());
            }
        }
        return max.get();
    }

    /** Adds every count of {@code other} to this one. */
    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            long c = other.counts.get(i);
            if (c != 0) {
                counts.addAndGet(i, c);
            }
        }
        total.addAndGet(other.total.get());
        max.accumulateAndGet(other.max.get(), Math::max);
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int shift = 63 - Long.numberOfLeadingZeros(v) - 6;
        return LINEAR + (shift - 1) * PER_OCTAVE + (int) ((v >> shift) - PER_OCTAVE);
    }

    static long highestIn(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index - LINEAR) / PER_OCTAVE + 1;
        long low = ((long) ((index - LINEAR) % PER_OCTAVE) + PER_OCTAVE) << shift;
        return low + (1L << shift) - 1;
    }
}
