package org.tongke.agent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongke.agent.config.UploadCap;

class RateLimiterTest {
    @Test
    void bytesGoNoFasterThanTheCapInForce() throws InterruptedException {
        // 800 kbit/s all day, every day: 100 000 bytes a second.
        UploadCap allDay = new UploadCap(LocalTime.MIDNIGHT, LocalTime.of(23, 59), EnumSet.allOf(DayOfWeek.class), 800_000);
        RateLimiter limiter = new RateLimiter(List.of(allDay), Clock.systemUTC(), ZoneId.of("UTC"));
        assertThat(limiter.bytesPerSecond()).isEqualTo(100_000);
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            limiter.take(10_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // 300 000 bytes, the first burst (a quarter second) free: at least 2.75 s.
        assertThat(seconds).isBetween(2.6, 3.6);
    }

    @Test
    void withoutACapNothingWaits() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(List.of(), Clock.systemUTC(), ZoneId.of("UTC"));
        long start = System.nanoTime();
        limiter.take(100_000_000);
        assertThat(System.nanoTime() - start).isLessThan(50_000_000L);
    }
}
