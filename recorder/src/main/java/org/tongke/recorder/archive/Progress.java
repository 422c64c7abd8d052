package org.tongke.recorder.archive;

import java.util.function.IntConsumer;

/** A job's percent from the media time done in each step, each step weighted by its share. */
final class Progress {
    private final IntConsumer out;
    private final long totalMicros;
    private double base;
    private double share;

    Progress(IntConsumer out, long totalMicros) {
        this.out = out;
        this.totalMicros = Math.max(1, totalMicros);
    }

    /** A step over {@code micros} of media worth {@code weight} of the whole (weights add to 1). */
    Step step(long micros, double weight) {
        base += share;
        share = weight * micros / totalMicros;
        double start = base;
        double width = share;
        return done -> out.accept((int) Math.min(99, Math.floor(100 * (start + width * Math.min(1.0, (double) done / Math.max(1, micros))))));
    }

    @FunctionalInterface
    interface Step {
        void at(long micros);
    }
}
