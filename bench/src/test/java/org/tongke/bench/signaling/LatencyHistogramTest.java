package org.tongke.bench.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesOfSmallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertThat(h.percentile(0.5)).isEqualTo(50);
        assertThat(h.percentile(0.99)).isEqualTo(99);
        assertThat(h.percentile(1.0)).isEqualTo(100);
        assertThat(h.count()).isEqualTo(100);
    }

    @Test
    void percentilesOfLargeValuesAreWithinOneSixtyFourthAbove() {
        LatencyHistogram h = new LatencyHistogram();
        long[] values = new Random(7).longs(100_000, 100, 5_000_000).sorted().toArray();
        for (long v : values) {
            h.record(v);
        }
        for (double p : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exact = values[(int) Math.ceil(p * values.length) - 1];
            assertThat(h.percentile(p)).as("p%s", p).isBetween(exact, exact + exact / 64);
        }
    }

    @Test
    void maximumIsExactAndCapsTheTopPercentile() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_000);
        h.record(123_457);
        assertThat(h.max()).isEqualTo(123_457);
        assertThat(h.percentile(1.0)).isEqualTo(123_457);
        assertThat(h.percentile(0.5)).isBetween(1_000L, 1_000L + 1_000 / 64);
    }

    @Test
    void everyValueFallsInABucketWhoseTopIsAtLeastTheValue() {
        for (long v = 0; v < 1_000_000; v += 37) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.highestIn(i)).isGreaterThanOrEqualTo(v);
            if (i > 0) {
                assertThat(LatencyHistogram.highestIn(i - 1)).isLessThan(v);
            }
        }
    }

    @Test
    void emptyHistogramReportsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentile(0.99)).isZero();
        assertThat(h.max()).isZero();
    }

    @Test
    void addingHistogramsCountsBoth() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        b.record(20);
        b.record(5_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.max()).isEqualTo(5_000);
        assertThat(a.percentile(0.5)).isEqualTo(20);
    }

    @Test
    void refusesAFractionOutsideZeroToOne() {
        assertThatThrownBy(() -> new LatencyHistogram().percentile(99))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99");
    }

    @Test
    void negativeLatenciesCountAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        assertThat(h.percentile(1.0)).isZero();
    }
}
