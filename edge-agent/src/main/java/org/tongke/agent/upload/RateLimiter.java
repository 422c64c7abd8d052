package org.tongke.agent.upload;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.tongke.agent.config.UploadCap;

/**
 * A token bucket in bytes whose rate follows the caps of the time of day: {@link #take} blocks
 * until the bytes may go. The bucket holds at most a quarter second of the rate, so a cap is
 * kept over any second, not just on average.
 */
public final class RateLimiter {
    private final List<UploadCap> caps;
    private final Clock clock;
    private final ZoneId zone;
    private double tokens;
    private long last = System.nanoTime();

    public RateLimiter(List<UploadCap> caps, Clock clock, ZoneId zone) {
        this.caps = List.copyOf(caps);
        this.clock = clock;
        this.zone = zone;
    }

    /** The rate in force now, in bytes per second (Long.MAX_VALUE: no cap). */
    public long bytesPerSecond() {
        ZonedDateTime now = clock.instant().atZone(zone);
        long bits = UploadCap.rateAt(caps, now.getDayOfWeek(), now.toLocalTime());
        return bits == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, bits / 8);
    }

    public void take(int bytes) throws InterruptedException {
        long rate = bytesPerSecond();
        if (rate == Long.MAX_VALUE) {
            return;
        }
        synchronized (this) {
            double burst = Math.max(rate / 4.0, 16 * 1024);
            while (true) {
                long now = System.nanoTime();
                tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
                last = now;
                if (tokens >= bytes || (bytes > burst && tokens >= burst)) {
                    tokens -= bytes;
                    return;
                }
                double missing = Math.min(bytes, burst) - tokens;
                long waitNanos = (long) (missing / rate * 1e9);
                Thread.sleep(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
            }
        }
    }
}
