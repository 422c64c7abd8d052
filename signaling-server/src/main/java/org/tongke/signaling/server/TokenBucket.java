package org.tongke.signaling.server;

import java.util.function.LongSupplier;

/**
 * A token bucket per connection: {@code perSecond} tokens a second, up to {@code burst}. Not
 * thread-safe: one connection's event loop uses it. {@link #take()} also counts refusals in a
 * row, so a client that keeps flooding can be told apart from one that bursts once.
 */
public final class TokenBucket {
    /** What to do with one message. */
    public enum Verdict { ALLOW, REFUSE_FIRST, REFUSE, DISCONNECT }

    private final double perNano;
    private final double burst;
    private final int maxRefusalsInRow;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;
    private int refusalsInRow;

    /** @param maxRefusalsInRow refusals in a row after which the client is disconnected */
    public TokenBucket(int perSecond, int burst, int maxRefusalsInRow, LongSupplier nanoTime) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.maxRefusalsInRow = maxRefusalsInRow;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    public Verdict take() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            refusalsInRow = 0;
            return Verdict.ALLOW;
        }
        refusalsInRow++;
        if (refusalsInRow > maxRefusalsInRow) {
            return Verdict.DISCONNECT;
        }
        return refusalsInRow == 1 ? Verdict.REFUSE_FIRST : Verdict.REFUSE;
    }
}
